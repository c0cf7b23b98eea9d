-- One lifecycle for every channel: the channel a request came in by, when it last changed, its
-- parent when it is a duplicate, a version for concurrent changes and the sequence number of its
-- last event. Every change is a history entry and an outbox event, written in the same
-- transaction as the change.
-- Open311 makes the description optional (a location and a category can say it all).
alter table service_request alter column description drop not null;
alter table service_request add column channel text not null default 'WEB';
alter table service_request add column updated_at timestamptz;
update service_request set updated_at = created_at;
alter table service_request alter column updated_at set not null;
alter table service_request add column parent_id uuid;
alter table service_request add column last_seq integer not null default 1;
alter table service_request add column version bigint not null default 0;
alter table service_request add constraint service_request_parent
    foreign key (tenant_id, parent_id) references service_request (tenant_id, id);
create index service_request_status on service_request (tenant_id, status, created_at desc);

-- The history of a request: when, who, the public note residents see, the internal note they do not.
create table service_request_event (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    request_id    uuid        not null,
    seq           integer     not null,
    at            timestamptz not null,
    status        text        not null,
    actor         text        not null,
    public_note   text,
    internal_note text,
    primary key (tenant_id, id),
    unique (tenant_id, request_id, seq),
    -- checked at commit: JPA may insert the entry before the request it belongs to
    foreign key (tenant_id, request_id) references service_request (tenant_id, id)
        deferrable initially deferred
);

-- The transactional outbox: integrations and notifications consume it (later issues). The pair
-- (request_id, seq) is the idempotency key receivers use to drop repeats.
create table outbox_event (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    request_id    uuid        not null,
    seq           integer     not null,
    type          text        not null,
    payload       text        not null,
    created_at    timestamptz not null,
    dispatched_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, request_id, seq),
    foreign key (tenant_id, request_id) references service_request (tenant_id, id)
        deferrable initially deferred
);

-- Open311 API keys, per city, stored as SHA-256 hashes only.
create table open311_api_key (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    key_hash   text        not null,
    label      text        not null,
    created_at timestamptz not null,
    revoked_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, key_hash)
);

alter table service_request_event enable row level security;
alter table service_request_event force row level security;
create policy tenant_isolation on service_request_event
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table outbox_event enable row level security;
alter table outbox_event force row level security;
create policy tenant_isolation on outbox_event
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table open311_api_key enable row level security;
alter table open311_api_key force row level security;
create policy tenant_isolation on open311_api_key
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on service_request_event to ${app_role};
grant select, insert, update on outbox_event to ${app_role};
grant select, insert, update on open311_api_key to ${app_role};
