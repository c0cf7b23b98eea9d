-- Idempotency-Key on Open311 POSTs, scoped per city. A claim is committed before the work starts
-- (so a concurrent repeat sees it in flight); the request and the completion commit together.
-- Rows are kept (at least the promised 24 hours; a purge is future work).
create table idempotency_key (
    tenant_id    uuid        not null references tenant (id),
    key          text        not null,
    fingerprint  text        not null,
    request_id   uuid,
    claimed_at   timestamptz not null,
    completed_at timestamptz,
    primary key (tenant_id, key)
);

alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;
create policy tenant_isolation on idempotency_key
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on idempotency_key to ${app_role};
