-- A city's knowledge base: information articles agents read to callers (and the portal may show),
-- searched with PostgreSQL full-text search in the article's language. btree_gin lets the search
-- index lead with tenant_id like every other index (a trusted extension: the database owner may
-- create it).
create extension if not exists btree_gin;

create table kb_article (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    slug       text        not null,
    topic      text        not null,
    title      text        not null,
    body       text        not null,
    keywords   text        not null default '',
    locale     text        not null default 'en' check (locale in ('en', 'fr', 'es')),
    updated_at timestamptz not null,
    search     tsvector generated always as (
        setweight(to_tsvector(
            case locale when 'fr' then 'french'::regconfig when 'es' then 'spanish'::regconfig
                        else 'english'::regconfig end, title), 'A')
        || setweight(to_tsvector(
            case locale when 'fr' then 'french'::regconfig when 'es' then 'spanish'::regconfig
                        else 'english'::regconfig end, keywords), 'B')
        || setweight(to_tsvector(
            case locale when 'fr' then 'french'::regconfig when 'es' then 'spanish'::regconfig
                        else 'english'::regconfig end, body), 'C')) stored,
    primary key (tenant_id, id),
    unique (tenant_id, slug)
);

create index kb_article_search_idx on kb_article using gin (tenant_id, search);

alter table kb_article enable row level security;
alter table kb_article force row level security;
create policy tenant_isolation on kb_article
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on kb_article to ${app_role};
