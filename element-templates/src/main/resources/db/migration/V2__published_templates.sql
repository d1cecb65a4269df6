-- Every published version of every element template is kept: diagrams pinned to an old version
-- (zeebe:modelerTemplateVersion) can still be opened, and Modeler offers the upgrade.
create table published_template (
    organization_id text        not null,
    template_id     text        not null,
    version         integer     not null,
    content         jsonb       not null,   -- holds connection keys and names only, never a credential
    content_hash    text        not null,   -- of the content without its version, to detect changes
    published_at    timestamptz not null,
    published_by    text        not null,
    primary key (organization_id, template_id, version)
);
