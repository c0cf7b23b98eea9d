-- The department integrations' outbox consumer (ADR 0013): every event of a city that has at
-- least one enabled department integration is queued for 'integration' as well as for
-- 'notification' (V013). A city without integrations queues nothing for it. The lookup runs in the
-- inserting transaction, which is bound to the event's city, so row-level security lets it see
-- that city's integrations only.
create or replace function outbox_event_enqueue() returns trigger language plpgsql as $$
begin
    insert into outbox_delivery (consumer, city_id, event_id, request_id, seq)
    values ('notification', new.tenant_id, new.id, new.request_id, new.seq);
    if exists (select 1 from department_integration i
               where i.tenant_id = new.tenant_id and i.enabled) then
        insert into outbox_delivery (consumer, city_id, event_id, request_id, seq)
        values ('integration', new.tenant_id, new.id, new.request_id, new.seq);
    end if;
    return new;
end
$$;
