-- Version history of integrations: every saved change is a revision with a full snapshot of the
-- integration as saved (the JSON of the Integration record), who made it, when, and the names of
-- the properties it changed. A DRAFT revision is prepared but not applied: connections and the
-- runtime always use the integration row, which is the ACTIVE revision. Integrations hold no secret
-- values, so neither does a snapshot.
create table integration_revision (
    integration_id     uuid        not null references integration (id) on delete cascade,
    organization_id    text        not null,
    revision           integer     not null,
    state              text        not null,   -- DRAFT or SAVED
    snapshot           jsonb       not null,
    changed_properties text[]      not null default '{}',
    integration_version bigint,                -- the integration version a SAVED revision wrote
    origin             text        not null,   -- CREATED, UPDATED, DRAFT, ACTIVATED, RESTORED, MIGRATED
    source_revision    integer,                -- the revision restored from
    created_at         timestamptz not null,
    created_by         text        not null,
    primary key (integration_id, revision)
);
create index integration_revision_org_idx on integration_revision (organization_id, integration_id);

-- existing integrations start their history with revision 1: their current state
insert into integration_revision (integration_id, organization_id, revision, state, snapshot,
                                  integration_version, origin, created_at, created_by)
select id, organization_id, 1, 'SAVED',
       jsonb_build_object(
           'id', id, 'organizationId', organization_id, 'name', name, 'description', description,
           'domainVertical', domain_vertical, 'type', type, 'scope', scope, 'configMode', config_mode,
           'authScheme', auth_scheme, 'status', status, 'openApiSpecUrl', openapi_spec_url,
           'config', config, 'version', version,
           'createdAt', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'createdBy', created_by,
           'updatedAt', to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'updatedBy', updated_by),
       version, 'MIGRATED', updated_at, updated_by
from integration;
