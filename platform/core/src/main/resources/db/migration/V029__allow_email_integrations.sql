-- The e-mail connector (ADR 0013): a department whose system is a shared mailbox. Its url is
-- mailto:<address>; it goes through the deployment's mail server, so it takes no credentials.
alter table department_integration drop constraint department_integration_kind_check;
alter table department_integration
    add constraint department_integration_kind_check check (kind in ('webhook', 'email'));
alter table department_integration
    add constraint department_integration_email_without_credentials
        check (kind <> 'email' or (auth_kind = 'none' and url like 'mailto:%'));
