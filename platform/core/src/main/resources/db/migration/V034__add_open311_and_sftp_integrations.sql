-- Two more connector kinds for department integrations (ADR 0020):
-- 'open311' forwards a routed request to another GeoReport v2 server and polls its
-- servicerequestupdates; 'sftp' drops a file per event on an SFTP server. Their settings that are
-- not secret (jurisdiction id, service-code mapping, SFTP host, directory, host key, file format)
-- are kept as JSON in options; their secrets (the remote API key, the SFTP password or private
-- key) are sealed in credentials like the other kinds' (auth_kind says which).
alter table department_integration add column options text;

alter table department_integration drop constraint department_integration_kind_check;
alter table department_integration
    add constraint department_integration_kind_check
        check (kind in ('webhook', 'email', 'open311', 'sftp'));
alter table department_integration drop constraint department_integration_auth_kind_check;
alter table department_integration
    add constraint department_integration_auth_kind_check
        check (auth_kind in ('none', 'bearer', 'basic', 'oauth2', 'api_key', 'password',
                             'private_key'));
alter table department_integration
    add constraint department_integration_open311_auth
        check (kind <> 'open311' or (auth_kind = 'api_key' and options is not null));
alter table department_integration
    add constraint department_integration_sftp_auth
        check (kind <> 'sftp' or (auth_kind in ('password', 'private_key') and options is not null));

-- The remote request a forwarded request became: one per request and department, written in the
-- city's transaction after the remote server answered. Polled updates find their request here, so
-- an update can only reach a request this city forwarded to this department's server.
create table integration_remote_request (
    tenant_id    uuid        not null references tenant (id),
    department   text        not null,
    request_id   uuid        not null,
    remote_id    text        not null,
    forwarded_at timestamptz not null,
    primary key (tenant_id, department, request_id),
    unique (tenant_id, department, remote_id),
    foreign key (tenant_id, request_id) references service_request (tenant_id, id)
        on delete cascade,
    foreign key (tenant_id, department) references department (tenant_id, code)
        on update cascade on delete cascade
);

alter table integration_remote_request enable row level security;
alter table integration_remote_request force row level security;
create policy tenant_isolation on integration_remote_request
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on integration_remote_request to ${app_role};

-- The polling schedule of the open311 integrations: a global queue of pointers, like
-- outbox_delivery (V013), claimed with FOR UPDATE SKIP LOCKED so one instance polls a given
-- integration at a time. Kept by a trigger on department_integration, so it always matches the
-- enabled open311 rows. since is the remote's updated_datetime up to which updates were read.
create table integration_poll (
    city_id      uuid        not null references tenant (id) on delete cascade,
    department   text        not null,
    due_at       timestamptz not null default now(),
    locked_until timestamptz,
    since        timestamptz,
    polled_at    timestamptz,
    last_error   text,
    primary key (city_id, department)
);

create index integration_poll_due on integration_poll (due_at);

grant select, insert, update, delete on integration_poll to ${app_role};

create function integration_poll_keep() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from integration_poll where city_id = old.tenant_id and department = old.department;
        return old;
    end if;
    if tg_op = 'UPDATE' and old.department <> new.department then
        delete from integration_poll where city_id = old.tenant_id and department = old.department;
    end if;
    if new.kind = 'open311' and new.enabled then
        insert into integration_poll (city_id, department, since)
        values (new.tenant_id, new.department, now() - interval '1 day')
        on conflict (city_id, department) do update set due_at = now();
    else
        delete from integration_poll where city_id = new.tenant_id and department = new.department;
    end if;
    return new;
end
$$;

create trigger integration_poll_keep after insert or update or delete on department_integration
    for each row execute function integration_poll_keep();
