-- OAuth2 authorization code grant (issue 9). Access and refresh tokens are NOT stored here: they are
-- secret fields of the connection environment in the credential store. These columns hold only who
-- connected the environment, when, and why it needs to be connected again.
alter table connection_environment
    add column oauth2_authorized_by         text,
    add column oauth2_authorized_at         timestamptz,
    -- set when a refresh was refused (e.g. revoked refresh token); cleared by the next "Connect"
    add column oauth2_reauthorization_reason text;

-- A started "Connect": single use (deleted when the callback takes it), short-lived, bound to the
-- user who started it. The state is stored only as a SHA-256 hash; the PKCE code verifier is sealed
-- like credentials (AES-256-GCM envelope, associated data = the state hash).
create table oauth2_authorization_request (
    state_hash      text        primary key,
    organization_id text        not null,
    connection_id   uuid        not null references connection (id) on delete cascade,
    environment     text        not null,
    username        text        not null,
    redirect_uri    text        not null,
    key_id          text        not null,
    wrapped_key     bytea       not null,
    ciphertext      bytea       not null,
    expires_at      timestamptz not null
);
create index oauth2_authorization_request_expiry_idx on oauth2_authorization_request (expires_at);
