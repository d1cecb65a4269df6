-- Master-key rotation runs. The work itself needs no state: a row still to re-seal is one whose
-- key_id is not the active key. These tables only record that a rotation was asked for (so an
-- instance resumes it after a restart) and how many rows each run re-sealed per old key id.
create table key_rotation (
    id            bigint generated always as identity primary key,
    target_key_id text        not null,
    state         text        not null,   -- RUNNING, COMPLETED, BLOCKED, FAILED
    message       text,                   -- why a run is BLOCKED or FAILED; names keys and rows, never data
    started_at    timestamptz not null,
    started_by    text        not null,
    updated_at    timestamptz not null,
    finished_at   timestamptz
);

create table key_rotation_progress (
    rotation_id bigint not null references key_rotation (id) on delete cascade,
    key_id      text   not null,
    done        bigint not null,
    primary key (rotation_id, key_id)
);

create index org_secret_key_idx on org_secret (key_id);
