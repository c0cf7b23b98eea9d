-- A city's hours (weekly ranges, holidays, dated overrides) as one document per schedule; the
-- city's own schedule is named 'city'. The rules are checked by the application before saving.
create table opening_hours (
    tenant_id   uuid        not null references tenant (id),
    name        text        not null,
    document    text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    version     bigint      not null default 0,
    primary key (tenant_id, name)
);

alter table opening_hours enable row level security;
alter table opening_hours force row level security;
create policy tenant_isolation on opening_hours
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on opening_hours to ${app_role};

-- Every change a city administrator makes: who, when, what, before and after (JSON documents).
-- Written in the same transaction as the change; never updated.
create table audit_entry (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    at          timestamptz not null,
    actor       text        not null,
    subject     text        not null,
    before      text,
    after       text,
    primary key (tenant_id, id)
);

create index audit_entry_subject_idx on audit_entry (tenant_id, subject, at desc);

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy tenant_isolation on audit_entry
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on audit_entry to ${app_role};
