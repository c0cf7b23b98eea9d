-- The reporter's name, optional, as the portal's form, an agent or an Open311 app (first_name,
-- last_name) gives it. Only the city's staff see it, with the contact e-mail.
alter table service_request add column reporter_name text;
alter table service_request
    add constraint service_request_reporter_name_length check (length(reporter_name) <= 200);
