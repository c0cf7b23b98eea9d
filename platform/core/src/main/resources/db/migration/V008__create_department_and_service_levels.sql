-- A city's departments, which categories route to each, and each category's service level: a
-- target in minutes counted in business hours (the city's opening hours) or calendar time, and
-- a priority. A request remembers when it is expected to be done (Open311 expected_datetime).
create table department (
    tenant_id   uuid not null references tenant (id),
    id          uuid not null,
    code        text not null,
    name        text not null,
    email       text,
    primary key (tenant_id, id),
    unique (tenant_id, code)
);

alter table department enable row level security;
alter table department force row level security;
create policy tenant_isolation on department
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on department to ${app_role};

alter table service_category
    add column department_id      uuid,
    add column sla_minutes        integer check (sla_minutes > 0),
    add column sla_business_hours boolean not null default true,
    add column priority           text    not null default 'normal'
        check (priority in ('low', 'normal', 'high', 'urgent')),
    add constraint service_category_department_fk
        foreign key (tenant_id, department_id) references department (tenant_id, id);

create index service_category_department_idx on service_category (tenant_id, department_id);

alter table service_request add column expected_at timestamptz;
