-- Who works in which department, and the work on a request: department staff see their
-- department's queue and may change only its requests (ADR 0016). A member is a user name of the
-- identity server (Keycloak), kept per city and department; the city administrator manages them.
create table department_member (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    department_id uuid        not null,
    username      text        not null,
    added_at      timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, department_id, username),
    foreign key (tenant_id, department_id) references department (tenant_id, id) on delete cascade,
    check (length(username) between 1 and 255)
);

create index department_member_by_username on department_member (tenant_id, username);

alter table department_member enable row level security;
alter table department_member force row level security;
create policy tenant_isolation on department_member
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on department_member to ${app_role};

-- The staff member a request is assigned to (a user name), and when a duplicate was merged into
-- its parent (its followers follow the parent, the parent's history names it).
alter table service_request
    add column assigned_to text check (assigned_to is null or length(assigned_to) between 1 and 255),
    add column merged_at   timestamptz;

create index service_request_assigned on service_request (tenant_id, assigned_to)
    where assigned_to is not null;
