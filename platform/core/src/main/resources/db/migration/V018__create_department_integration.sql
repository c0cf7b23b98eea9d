-- Department integrations (ADR 0013): how Civic311 reaches each department's own system, per city
-- and department. One row per department; kind 'webhook' is a signed JSON POST to url. The secrets
-- (credentials for the department's system, the HMAC signing secret shared with it) are stored
-- encrypted by the application (AES-GCM, "v1:" + base64) and never leave it through the API.
-- version grows with every save, so each instance rebuilds its route when the row changed.
create table department_integration (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    department     text        not null,
    kind           text        not null check (kind in ('webhook')),
    url            text        not null,
    auth_kind      text        not null check (auth_kind in ('none', 'bearer', 'basic')),
    credentials    text,
    signing_secret text        not null,
    enabled        boolean     not null default true,
    version        integer     not null check (version > 0),
    updated_at     timestamptz not null,
    updated_by     text        not null,
    primary key (tenant_id, id),
    unique (tenant_id, department),
    foreign key (tenant_id, department) references department (tenant_id, code)
        on update cascade on delete cascade,
    check ((auth_kind = 'none') = (credentials is null))
);

-- What each department's system did with the last deliveries, for the health page: written by
-- the integration consumer after every attempt (one row per department, upserted).
create table integration_health (
    tenant_id            uuid        not null references tenant (id),
    department           text        not null,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    last_error           text,
    consecutive_failures integer     not null default 0,
    delivered            bigint      not null default 0,
    failed               bigint      not null default 0,
    primary key (tenant_id, department),
    foreign key (tenant_id, department) references department (tenant_id, code)
        on update cascade on delete cascade
);

-- Status updates a department's system sent back, by its own update id: a repeat of an id changes
-- nothing. Written in the transaction of the change it caused, so an update is either applied and
-- remembered or neither.
create table integration_inbound_update (
    tenant_id   uuid        not null references tenant (id),
    department  text        not null,
    update_id   text        not null,
    request_id  uuid        not null,
    status      text        not null,
    received_at timestamptz not null,
    primary key (tenant_id, department, update_id),
    foreign key (tenant_id, request_id) references service_request (tenant_id, id)
);

do $$
declare t text;
begin
    foreach t in array array['department_integration', 'integration_health',
                             'integration_inbound_update']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I'
            || ' using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)'
            || ' with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    end loop;
end
$$;

grant select, insert, update, delete on department_integration to ${app_role};
grant select, insert, update on integration_health to ${app_role};
-- a log: added and read, never changed
grant select, insert on integration_inbound_update to ${app_role};
