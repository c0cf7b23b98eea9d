-- Outbox delivery: one row per consumer and event, the work queue that pollers claim with
-- FOR UPDATE SKIP LOCKED. It is global on purpose (no row-level security): it holds pointers only
-- (city, event, request, sequence, retry state), never a payload, so one claim query serves a
-- thousand cities instead of one query per city. The consumer then reads the event as its city.
-- Its city column is city_id, not tenant_id, like phone_number's: a global table. A trigger fills
-- it, so no code path that writes an outbox event can forget it.
create table outbox_delivery (
    consumer     text        not null,
    city_id      uuid        not null references tenant (id),
    event_id     uuid        not null,
    request_id   uuid        not null,
    seq          integer     not null,
    available_at timestamptz not null default now(),
    locked_until timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    dead_at      timestamptz,
    primary key (consumer, city_id, event_id),
    foreign key (city_id, event_id) references outbox_event (tenant_id, id)
        on delete cascade deferrable initially deferred
);

-- The poll: due, live rows of one consumer, oldest first.
create index outbox_delivery_due on outbox_delivery (consumer, available_at) where dead_at is null;
-- Per request order: an event waits while an earlier one of the same request is pending.
create index outbox_delivery_order on outbox_delivery (consumer, city_id, request_id, seq);

create function outbox_event_enqueue() returns trigger language plpgsql as $$
begin
    insert into outbox_delivery (consumer, city_id, event_id, request_id, seq)
    values ('notification', new.tenant_id, new.id, new.request_id, new.seq);
    return new;
end
$$;

create trigger outbox_event_enqueue after insert on outbox_event
    for each row execute function outbox_event_enqueue();

grant select, insert, update, delete on outbox_delivery to ${app_role};

-- A city's mail identity and limits. No row: the deployment's defaults.
create table notification_settings (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    sender_address text        not null,
    sender_name    text        not null,
    reply_to       text,
    locales        text        not null,
    hourly_limit   integer     not null check (hourly_limit > 0),
    brand_color    text        not null default '#1f4e79',
    updated_at     timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id)
);

-- Who follows a request. A subscription sends mail once confirmed (at submission it is confirmed
-- at once; from the status page or "me too" it needs the confirmation link) and until unsubscribed.
create table notification_subscription (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    request_id      uuid        not null,
    email           text        not null,
    locale          text        not null,
    source          text        not null,
    unsubscribe_token text      not null,
    confirm_token   text,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, request_id, email),
    unique (tenant_id, unsubscribe_token),
    unique (tenant_id, confirm_token),
    foreign key (tenant_id, request_id) references service_request (tenant_id, id)
        deferrable initially deferred
);

-- Addresses that get nothing more from a city: unsubscribed from all, or bouncing.
create table notification_suppression (
    tenant_id  uuid        not null references tenant (id),
    email      text        not null,
    reason     text        not null check (reason in ('unsubscribed', 'bounced')),
    detail     text,
    created_at timestamptz not null,
    primary key (tenant_id, email)
);

-- What was sent: one row per event (or digest) and recipient, written before the message leaves
-- and removed again if sending fails, so a retry never sends twice. Its count over the last hour
-- is the city's sending limit, shared by every instance.
create table notification_sent (
    tenant_id  uuid        not null references tenant (id),
    event_id   uuid        not null,
    recipient  text        not null,
    message_id text        not null,
    kind       text        not null,
    sent_at    timestamptz not null,
    primary key (tenant_id, event_id, recipient)
);
create index notification_sent_recent on notification_sent (tenant_id, sent_at desc);

-- Department staff who get new requests of their department by mail, at once or as a daily digest
-- at a local hour.
create table staff_subscription (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    department     text        not null,
    email          text        not null,
    mode           text        not null check (mode in ('immediate', 'digest')),
    digest_hour    integer     not null default 7 check (digest_hour between 0 and 23),
    last_digest_at timestamptz,
    created_at     timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, department, email),
    foreign key (tenant_id, department) references department (tenant_id, code)
        on update cascade on delete cascade
);

do $$
declare t text;
begin
    foreach t in array array['notification_settings', 'notification_subscription',
                             'notification_suppression', 'notification_sent', 'staff_subscription']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I'
            || ' using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)'
            || ' with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;
