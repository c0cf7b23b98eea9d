-- The cities served by this deployment. Global: no tenant_id, no row-level security.
-- The application role may read and register cities (the operator's console); it owns nothing.
create table tenant (
    id              uuid        primary key,
    slug            text        not null unique check (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    jurisdiction_id text        not null unique,
    display_name    text        not null,
    time_zone       text        not null,
    locales         text        not null,
    status          text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    host_name       text        unique,
    created_at      timestamptz not null
);

grant select, insert, update on tenant to ${app_role};
