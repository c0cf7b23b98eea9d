-- A city's service requests; the category is referenced within the same city only.
create table service_request (
    tenant_id   uuid         not null references tenant (id),
    id          uuid         not null,
    category_id uuid         not null,
    description text         not null,
    latitude    numeric(9, 6),
    longitude   numeric(9, 6),
    address     text,
    status      text         not null,
    created_at  timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, category_id) references service_category (tenant_id, id),
    check ((latitude is null) = (longitude is null)),
    check (latitude is not null or address is not null)
);

create index service_request_newest on service_request (tenant_id, created_at desc);
create index service_request_category on service_request (tenant_id, category_id);

alter table service_request enable row level security;
alter table service_request force row level security;
create policy tenant_isolation on service_request
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on service_request to ${app_role};
