-- The contact log: every call, counter visit, chat or e-mail an agent answered, what it was about
-- (a knowledge-base topic, or the service request it opened or concerned) and how long it took.
-- The caller's number (E.164) brings up their earlier contacts and, through them, their open
-- requests on the agent's screen (the screen pop). A log: the application role may add and read,
-- never change or delete.
create table contact (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    at           timestamptz not null,
    channel      text        not null,
    caller_phone text,
    caller_name  text,
    caller_email text,
    topic        text,
    request_id   uuid,
    minutes      integer,
    agent        text        not null,
    notes        text,
    primary key (tenant_id, id),
    check (minutes is null or minutes between 0 and 600)
);

create index contact_by_caller on contact (tenant_id, caller_phone, at desc);
create index contact_by_request on contact (tenant_id, request_id);

alter table contact enable row level security;
alter table contact force row level security;
create policy tenant_isolation on contact
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on contact to ${app_role};
