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

-- existing integrations start their history with revision 1: their current state, as the JSON of the
-- Integration record (camelCase names). Columns added by other migrations are carried along too,
-- their names camel-cased, so a later restore of revision 1 keeps them.
insert into integration_revision (integration_id, organization_id, revision, state, snapshot,
                                  integration_version, origin, created_at, created_by)
select i.id, i.organization_id, 1, 'SAVED',
       coalesce((select jsonb_object_agg(
                            lower(left(replace(initcap(replace(e.key, '_', ' ')), ' ', ''), 1))
                                || substr(replace(initcap(replace(e.key, '_', ' ')), ' ', ''), 2),
                            e.value)
                 from jsonb_each(to_jsonb(i) - array['id', 'organization_id', 'name', 'description',
                         'domain_vertical', 'type', 'scope', 'config_mode', 'auth_scheme', 'status',
                         'openapi_spec_url', 'config', 'version', 'created_at', 'created_by',
                         'updated_at', 'updated_by']) e), '{}'::jsonb)
       || jsonb_build_object(
           'id', i.id, 'organizationId', i.organization_id, 'name', i.name,
           'description', i.description, 'domainVertical', i.domain_vertical, 'type', i.type,
           'scope', i.scope, 'configMode', i.config_mode, 'authScheme', i.auth_scheme,
           'status', i.status, 'openApiSpecUrl', i.openapi_spec_url, 'config', i.config,
           'version', i.version,
           'createdAt', to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'createdBy', i.created_by,
           'updatedAt', to_char(i.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'updatedBy', i.updated_by),
       i.version, 'MIGRATED', i.updated_at, i.updated_by
from integration i;
