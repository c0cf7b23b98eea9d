-- Who reported a request, when known: the signed-in resident's account (Keycloak subject) and the
-- contact e-mail given on any channel. "My requests" looks them up within one city.
alter table service_request
  add column reporter_subject text,
  add column reporter_email text;

create index service_request_reporter_subject_idx
  on service_request (tenant_id, reporter_subject, created_at desc)
  where reporter_subject is not null;

create index service_request_reporter_email_idx
  on service_request (tenant_id, reporter_email, created_at desc)
  where reporter_email is not null;
