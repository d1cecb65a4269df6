-- Which account at the provider a "Connect" authorised ("Connected as alice@example.com"): a display
-- identity (email, preferred username, name or subject) read once from the integration's user info
-- endpoint with the new access token. Never a token; null when there is no endpoint or it failed.
-- Cleared with the other oauth2_* columns when the environment's credentials are saved again.
alter table connection_environment
    add column oauth2_authorized_account text;
