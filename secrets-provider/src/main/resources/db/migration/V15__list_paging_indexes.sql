-- Issue 18 (10,000 connections per organization): the connections and integrations lists page in
-- the database, ordered by lower(name) compared by code point (collation "C": the same order on
-- every database, and cheaper to sort than a language collation), then id. These indexes hold that
-- order per organization, so a first page is read from the index. Plain btree indexes only: no
-- extension such as pg_trgm (a customer's database may refuse CREATE EXTENSION); a search with a
-- leading wildcard filters the organization's rows.
create index connection_org_name_idx on connection (organization_id, (lower(name) collate "C"), id);
create index integration_org_name_idx on integration (organization_id, (lower(name) collate "C"), id);
