-- What the operator records when onboarding a city: its population (for capacity and billing)
-- and the address the operator writes to. Nullable: cities registered before onboarding existed
-- (the demo cities) have neither.
alter table tenant add column population integer check (population is null or population >= 0);
alter table tenant add column contact_email text;
