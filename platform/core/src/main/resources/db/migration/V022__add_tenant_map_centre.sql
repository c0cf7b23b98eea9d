-- Where the resident portal's map opens for a city (WGS 84). Nullable: a city without one opens
-- the map on the resident's own position, or zoomed out. The tenant table is global (no RLS).
alter table tenant add column map_lat numeric(8, 6) check (map_lat is null or map_lat between -90 and 90);
alter table tenant add column map_long numeric(9, 6) check (map_long is null or map_long between -180 and 180);
alter table tenant add constraint tenant_map_centre_both check ((map_lat is null) = (map_long is null));
