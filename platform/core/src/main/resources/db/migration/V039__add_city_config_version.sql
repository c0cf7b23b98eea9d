-- A city's configuration version (ADR 0022): a number that every change to what the request paths
-- read over and over (the category catalogue, the departments it routes to, the opening hours, the
-- Open311 API keys) raises when the changing transaction commits. The statement that binds a
-- transaction to its city returns it in the same round trip, so an instance's per-city cache knows
-- at once, at no extra cost, whether what it holds is current: a change made on another instance,
-- by an administrator's page, an import or plain SQL is seen by the next transaction everywhere.
--
-- A global table of its own (city_id, like outbox_delivery's; no row-level security: it holds
-- counters only), not a column of tenant: only the raise at commit ever locks a row of it, so a
-- transaction that also changes the city's row (a new time zone with the hours, an erasure) cannot
-- deadlock with another's raise. No row yet means version 0.
create table city_config_version (
    city_id uuid   primary key references tenant (id),
    version bigint not null
);
grant select, insert, update, delete on city_config_version to ${app_role};

-- At once, per changing statement: the transaction notes that it changed configuration, so that the
-- cache never keeps what it read after its own uncommitted change (it may still roll back).
create function note_city_config_change() returns trigger language plpgsql as $$
begin
    perform set_config('app.config_changed', 'on', true);
    return null;
end $$;

-- Raises a city's version once per transaction (the cities raised so far are noted in a
-- transaction-local setting); nothing for a city that no longer exists (erased in this transaction).
create function raise_city_config_version(city uuid) returns void language plpgsql as $$
declare
    raised text := coalesce(current_setting('app.config_raised', true), '');
begin
    if position(city::text in raised) > 0 then
        return;
    end if;
    insert into city_config_version (city_id, version)
        select city, 1 where exists (select 1 from tenant where id = city)
        on conflict (city_id) do update set version = city_config_version.version + 1;
    perform set_config('app.config_raised', raised || city::text || ' ', true);
end $$;

-- At commit (deferred), for every changed row: its city's version goes up.
create function raise_city_config_version_of_row() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform raise_city_config_version(old.tenant_id);
    end if;
    if tg_op <> 'DELETE' then
        perform raise_city_config_version(new.tenant_id);
    end if;
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['service_category', 'department', 'opening_hours', 'open311_api_key'] loop
        execute format('create trigger %I after insert or update or delete on %I'
                       ' for each statement execute function note_city_config_change()',
                       t || '_config_changed', t);
        execute format('create constraint trigger %I after insert or update or delete on %I'
                       ' deferrable initially deferred for each row'
                       ' execute function raise_city_config_version_of_row()',
                       t || '_config_version', t);
    end loop;
end $$;
