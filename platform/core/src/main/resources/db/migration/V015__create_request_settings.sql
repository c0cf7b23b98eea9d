-- A city's own duplicate rule: how near (metres) and how recent (days) an open request of the same
-- category must be for a new report to be offered "me too" or answered with Open311's duplicate
-- error. A city without a row uses the deployment's defaults. Radius 0 turns the check off.
create table request_settings (
    tenant_id               uuid        not null references tenant (id),
    id                      uuid        not null,
    duplicate_radius_metres integer     not null check (duplicate_radius_metres between 0 and 2000),
    duplicate_max_age_days  integer     not null check (duplicate_max_age_days between 1 and 365),
    updated_at              timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id)
);

alter table request_settings enable row level security;
alter table request_settings force row level security;
create policy tenant_isolation on request_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on request_settings to ${app_role};
