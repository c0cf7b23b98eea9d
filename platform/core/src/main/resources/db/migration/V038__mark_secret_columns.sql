-- Columns that hold secrets carry the comment 'civic311:secret'. A city's export (ADR 0018) leaves
-- them out and names them in its manifest: sealed credentials are of no use outside this deployment
-- (they are sealed with its key), and a key hash or a resident's unsubscribe link is a capability,
-- not data the city needs to take with it. SchemaWallsIT checks that every column whose name says
-- secret, credential, password, token or key_hash carries the comment.
comment on column department_integration.credentials is 'civic311:secret sealed credentials for the department system';
comment on column department_integration.signing_secret is 'civic311:secret sealed HMAC secret shared with the department';
comment on column open311_api_key.key_hash is 'civic311:secret hash of an Open311 api_key';
comment on column notification_subscription.unsubscribe_token is 'civic311:secret a follower''s one-click stop link';
comment on column notification_subscription.confirm_token is 'civic311:secret a follower''s confirmation link';
