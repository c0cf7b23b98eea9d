-- "Me too": who supports an open request instead of reporting it again. One row per request and
-- supporter's e-mail, so a second "me too" from the same address (a double tap, a retry, the
-- portal and an app both) adds no second history entry and no second confirmation mail. The
-- address itself is not kept here, only its SHA-256 (of the lowercase address): the subscription
-- that follows the request holds the address, and is removed with it.
create table request_supporter (
    tenant_id    uuid        not null references tenant (id),
    request_id   uuid        not null,
    email_sha256 text        not null,
    at           timestamptz not null,
    primary key (tenant_id, request_id, email_sha256),
    foreign key (tenant_id, request_id) references service_request (tenant_id, id),
    check (email_sha256 ~ '^[0-9a-f]{64}$')
);

alter table request_supporter enable row level security;
alter table request_supporter force row level security;
create policy tenant_isolation on request_supporter
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on request_supporter to ${app_role};
