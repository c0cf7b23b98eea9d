-- A city's catalogue. Tenant-owned: tenant_id leads the key, every index and every foreign key,
-- and row-level security (forced, so even the owner is subject to it) shows a transaction only
-- the rows of the city set with set_config('app.tenant_id', ?, true). With no city set,
-- nullif(...) is null and no row matches.
create table service_category (
    tenant_id   uuid    not null references tenant (id),
    id          uuid    not null,
    code        text    not null,
    name        text    not null,
    group_name  text,
    keywords    text    not null default '',
    description text,
    active      boolean not null default true,
    primary key (tenant_id, id),
    unique (tenant_id, code)
);

alter table service_category enable row level security;
alter table service_category force row level security;
create policy tenant_isolation on service_category
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on service_category to ${app_role};
