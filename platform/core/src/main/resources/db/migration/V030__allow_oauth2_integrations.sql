-- OAuth 2.0 client credentials for department webhooks (ADR 0013): the token endpoint, client id,
-- client secret and scope are sealed together in credentials, like the other kinds' secrets.
alter table department_integration drop constraint department_integration_auth_kind_check;
alter table department_integration
    add constraint department_integration_auth_kind_check
        check (auth_kind in ('none', 'bearer', 'basic', 'oauth2'));
