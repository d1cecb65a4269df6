-- The audit log: who changed, deleted or tested which connection, secret or integration, and which
-- process instance read which connection in which environment. Never a value: changed_fields holds
-- field NAMES only, and no column is ever written from a secret or a setting's value.
create table audit_event (
    id                   bigserial   primary key,
    organization_id      text        not null,
    occurred_at          timestamptz not null,
    actor                text        not null,   -- username, or "runtime" for a worker's read
    action               text        not null,
    subject_type         text        not null,   -- CONNECTION, SECRET, INTEGRATION
    subject_id           text,                   -- id of the connection or integration
    subject_key          text,                   -- connection key, secret key or integration name
    personal_owner       text,                   -- owner of a PERSONAL connection: others see the row without key and id
    environment          text,
    changed_fields       text[]      not null default '{}',
    outcome              text,                   -- OK / FAILED for tests
    process_instance_key bigint,
    bpmn_process_id      text,
    element_id           text,
    element_instance_key bigint,
    worker               text
);
create index audit_event_org_time_idx on audit_event (organization_id, occurred_at desc, id desc);
create index audit_event_org_subject_idx on audit_event (organization_id, subject_key);
create index audit_event_org_process_idx on audit_event (organization_id, process_instance_key);
