-- A category's service definition (Open311 attributes, as a JSON list checked by the application),
-- whether it is for staff only (not offered to the public), and when it last changed (the
-- city's Open311 discovery changeset). A request keeps the answers it was given.
alter table service_category
    add column attributes text        not null default '[]',
    add column staff_only boolean     not null default false,
    add column updated_at timestamptz not null default now();

alter table service_request add column attributes text;
