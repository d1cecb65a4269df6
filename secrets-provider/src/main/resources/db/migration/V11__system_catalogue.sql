-- Issue 17 (system catalogue): every organization starts with the System integrations of the
-- catalogue (secrets-provider catalogue/system-integrations.json).

-- A super admin may hide a catalogue entry: it is then offered to no one else. Not part of an
-- integration's content, so hiding neither bumps the version nor counts as an edit.
alter table integration add column hidden boolean not null default false;

-- What the catalogue wrote, per organization and entry. integration_id becomes null when the
-- integration is deleted (or was never created because the organization already had one of that
-- name): the catalogue never writes that entry again. written_version is the integration version
-- the catalogue itself wrote; a later revision of the entry updates the integration only while
-- its version is still that one, so an admin's edit is never overwritten.
create table catalogue_entry (
    organization_id text        not null,
    entry_key       text        not null,
    revision        integer     not null,
    integration_id  uuid        references integration (id) on delete set null,
    written_version bigint,
    seeded_at       timestamptz not null,
    updated_at      timestamptz not null,
    primary key (organization_id, entry_key)
);
create unique index catalogue_entry_integration_unique on catalogue_entry (integration_id);

-- The verticals filter and the verticals-in-use list.
create index integration_vertical_idx on integration (organization_id, lower(domain_vertical));
