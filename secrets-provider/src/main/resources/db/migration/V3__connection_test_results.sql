-- The last "test connection" result of each connection environment. Cleared whenever that
-- environment's credentials change, so a stale "ok" never vouches for new credentials.
alter table connection_environment
    add column last_test_ok      boolean,
    add column last_test_message text,
    add column last_tested_at    timestamptz,
    add column last_tested_by    text;
