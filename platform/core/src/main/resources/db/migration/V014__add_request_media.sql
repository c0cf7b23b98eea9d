-- Photos sent with a request (Open311's multipart media, GeoReport v2.1 draft), kept in the
-- database with the request so that backups, exports and offboarding cover them; and the
-- media_url a client may send instead (a link to a photo it hosts).
alter table service_request add column media_url text;
alter table service_request add column media_id uuid;

create table request_media (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    request_id   uuid        not null,
    content_type text        not null check (content_type in ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
    size_bytes   integer     not null check (size_bytes > 0),
    content      bytea       not null,
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references service_request (tenant_id, id)
        deferrable initially deferred
);

create index request_media_request on request_media (tenant_id, request_id);

alter table request_media enable row level security;
alter table request_media force row level security;
create policy tenant_isolation on request_media
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on request_media to ${app_role};
