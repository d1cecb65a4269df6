-- Flow Connections schema. Secret values never appear in plain text in any table:
-- connection credentials and org secrets are AES-256-GCM envelopes (key_id, wrapped_key, ciphertext).

create table integration (
    id               uuid primary key,
    organization_id  text        not null,
    name             text        not null,
    description      text,
    domain_vertical  text,
    type             text        not null,
    scope            text        not null,
    config_mode      text        not null,
    auth_scheme      text        not null,
    status           text        not null,
    openapi_spec_url text,
    config           jsonb       not null,   -- non-secret settings: {"shared": {...}} or {"environments": {"PRODUCTION": {...}}}
    version          bigint      not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    constraint integration_name_unique unique (organization_id, name)
);

create table connection (
    id              uuid primary key,
    organization_id text        not null,
    connection_key  text        not null,
    name            text        not null,
    integration_id  uuid        not null references integration (id),
    visibility      text        not null,
    owner           text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    constraint connection_key_unique unique (organization_id, connection_key),
    constraint connection_name_unique unique (organization_id, name)
);
create index connection_integration_idx on connection (integration_id);

-- One row per environment a connection is configured for. Holds no secret values, only the names
-- of secret fields that are set, so listing connections never has to read the credential store.
create table connection_environment (
    connection_id     uuid        not null references connection (id) on delete cascade,
    environment       text        not null,
    settings          jsonb       not null,
    secret_fields_set text[]      not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    primary key (connection_id, environment)
);

-- The PostgreSQL credential store: one sealed JSON object of secret fields per connection environment.
create table connection_credential (
    connection_id uuid        not null references connection (id) on delete cascade,
    environment   text        not null,
    key_id        text        not null,
    wrapped_key   bytea       not null,
    ciphertext    bytea       not null,
    updated_at    timestamptz not null,
    primary key (connection_id, environment)
);
create index connection_credential_key_idx on connection_credential (key_id);

create table org_secret (
    organization_id text        not null,
    secret_key      text        not null,
    key_id          text        not null,
    wrapped_key     bytea       not null,
    ciphertext      bytea       not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    primary key (organization_id, secret_key)
);
