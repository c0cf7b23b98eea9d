-- Every action of the SaaS operator (the provider console): who, when, what, on which city, and
-- the details as a JSON document. Cross-city by nature, so global like tenant and phone_number:
-- its city column is city_id, not tenant_id, and no tenant wall applies. city_id has no foreign
-- key on purpose: the record of an action outlives the city it was about (offboarding deletes the
-- city's rows, not the operator's history). Written in the same transaction as the action, so a
-- rolled-back action leaves no entry; never updated.
create table operator_audit (
    id        uuid        primary key,
    at        timestamptz not null,
    operator  text        not null,
    action    text        not null,
    city_id   uuid,
    detail    text        not null default '{}'
);

create index operator_audit_at_idx on operator_audit (at desc);
create index operator_audit_city_idx on operator_audit (city_id, at desc);

grant select, insert on operator_audit to ${app_role};
