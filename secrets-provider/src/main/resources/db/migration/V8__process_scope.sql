-- Process scope: the BPMN process ids allowed to use a connection or an org secret at runtime.
-- Jobs carry no user, so this list is the runtime boundary. An empty list means every process of
-- the organization for ORGANIZATION connections and org secrets, and NO process for PERSONAL
-- connections: existing personal connections stop resolving at runtime until their owner lists
-- the processes that may use them (an intended change of behaviour).
alter table connection add column allowed_processes text[] not null default '{}';
-- Set by an administrator only: a PERSONAL connection resolves in a PRODUCTION runtime only when true.
alter table connection add column allowed_in_production boolean not null default false;
alter table org_secret add column allowed_processes text[] not null default '{}';
