-- Issue 13 (existence oracle): a connection name was unique in the whole organization, so a 409 on
-- create confirmed that another user had a PERSONAL connection of that name. Names are now unique
-- among ORGANIZATION connections, and among each owner's PERSONAL ones; ConnectionService also
-- refuses a name its owner already sees in the other group. Keys stay unique per organization
-- (the runtime and Vault paths find a connection by key alone): PERSONAL keys carry their owner's
-- tag (orders@alice) so they never collide with anyone else's.
alter table connection drop constraint connection_name_unique;
create unique index connection_shared_name_unique on connection (organization_id, name)
    where visibility = 'ORGANIZATION';
create unique index connection_personal_name_unique on connection (organization_id, owner, name)
    where visibility = 'PERSONAL';
