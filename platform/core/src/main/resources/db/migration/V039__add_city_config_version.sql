-- A city's configuration version (ADR 0022): a number that every change to what the request paths
-- read over and over (the category catalogue, the departments it routes to, the opening hours, the
-- Open311 API keys) raises when the changing transaction commits. The statement that binds a
-- transaction to its city returns it in the same round trip, so an instance's per-city cache knows
-- at once, at no extra cost, whether what it holds is current: a change made on another instance,
-- by an administrator's page, an import or plain SQL is seen by the next transaction everywhere.
alter table tenant add column config_version bigint not null default 0;

-- At once, per changed row: the transaction notes that it changed configuration, so that the cache
-- never keeps what it read after its own uncommitted change (it may still roll back).
create function note_city_config_change() returns trigger language plpgsql as $$
begin
    perform set_config('app.config_changed', 'on', true);
    return null;
end $$;

-- At commit: the version goes up, once per city and transaction. Deferred, so the city's row is
-- locked only at the very end, after every lock the transaction takes on categories or hours: two
-- administrators changing the same city's catalogue at the same time wait for each other's commit
-- instead of deadlocking.
create function bump_city_config_version() returns trigger language plpgsql as $$
declare
    city uuid := case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end;
    bumped text := coalesce(current_setting('app.config_bumped', true), '');
begin
    if tg_op = 'UPDATE' and new.tenant_id is distinct from old.tenant_id then
        update tenant set config_version = config_version + 1 where id = old.tenant_id;
    end if;
    if position(city::text in bumped) = 0 then
        update tenant set config_version = config_version + 1 where id = city;
        perform set_config('app.config_bumped', bumped || city::text || ' ', true);
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
                       ' execute function bump_city_config_version()',
                       t || '_config_version', t);
    end loop;
end $$;
