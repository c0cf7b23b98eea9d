-- A city's phone entry points and what callers get in and out of hours, as one document per city
-- (checked by the application before it is stored).
create table phone_routing (
    tenant_id   uuid        not null references tenant (id),
    name        text        not null,
    document    text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    version     bigint      not null default 0,
    primary key (tenant_id, name)
);

alter table phone_routing enable row level security;
alter table phone_routing force row level security;
create policy tenant_isolation on phone_routing
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on phone_routing to ${app_role};

-- The one global directory of numbers: which city a dialled number belongs to, so the voice
-- webhook can pick the city before any city is known. Deliberately global, like tenant itself
-- (its city column is city_id, not tenant_id, so no tenant wall applies); written only when a
-- city saves its phone routing, and a number belongs to one city at most.
create table phone_number (
    number   text primary key,
    city_id  uuid not null references tenant (id)
);

create index phone_number_city_idx on phone_number (city_id);

grant select, insert, delete on phone_number to ${app_role};
