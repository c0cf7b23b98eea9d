-- A category in several languages, under several groups, and offered in part of the city only.
--   groups:       the groups it is listed under, ';'-separated, the main one (Open311's group)
--                 first; replaces group_name, whose value becomes the only group. group_name
--                 stays (unused) while instances of the previous release may still run during a
--                 rolling upgrade; a later migration drops it.
--   names,
--   descriptions: JSON objects from language tag to text, for the languages after the city's
--                 first (whose texts stay in name and description).
--   area:         a GeoJSON Polygon or MultiPolygon (checked by the application); null for the
--                 whole city.
alter table service_category
    add column groups       text not null default '',
    add column names        text not null default '{}',
    add column descriptions text not null default '{}',
    add column area         text;

-- Row-level security is forced, even on the owner running this: lift it for the copy, every city at
-- once, inside this migration's transaction only.
alter table service_category no force row level security;
update service_category set groups = group_name where group_name is not null;
alter table service_category force row level security;
