-- Issue 17: OpenAPI documents imported into REST API integrations. Each import of a different
-- document is a new numbered version; older versions stay. What the runtime and the element
-- templates need (title, version, operations) is stored, not the document itself. The integration
-- uses the one version marked active (at most one per integration).
create table integration_api_spec (
    id              uuid primary key,
    organization_id text        not null,
    integration_id  uuid        not null references integration (id) on delete cascade,
    number          int         not null,
    title           text        not null,
    spec_version    text        not null,
    content_hash    text        not null,   -- SHA-256 of the document: an identical re-import is no new version
    source_url      text,                   -- null for an uploaded document
    operations      jsonb       not null,
    active          boolean     not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    constraint integration_api_spec_number_unique unique (integration_id, number),
    constraint integration_api_spec_hash_unique unique (integration_id, content_hash)
);
create unique index integration_api_spec_active on integration_api_spec (integration_id) where active;
