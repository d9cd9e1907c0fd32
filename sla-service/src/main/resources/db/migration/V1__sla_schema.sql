-- Policy versions (P16.1) and their response targets. Targets are counted 24/7 until business
-- calendars are added to a policy.
create table sla_policy (
    version        varchar(32)  primary key,
    effective_from timestamptz  not null unique,
    description    text         not null
);

create table sla_target (
    policy_version varchar(32) not null references sla_policy (version),
    clock_type     varchar(32) not null,
    severity       smallint    not null check (severity between 1 and 4),
    target_minutes integer     not null check (target_minutes > 0),
    primary key (policy_version, clock_type, severity)
);

-- Every ticket event received, once (the CloudEvents id is the idempotency key). Clocks are derived
-- from all of a ticket's events, so late and replayed events lead to a recomputation.
create table ticket_event (
    event_id      uuid        primary key,
    ticket_id     uuid        not null,
    event_type    varchar(64) not null,
    sequence      bigint      not null,
    occurred_at   timestamptz not null,
    ticket_number varchar(32),
    system_id     varchar(16),
    severity      smallint check (severity between 1 and 4),
    status        varchar(32),
    envelope      jsonb       not null,  -- the CloudEvent as received, for later derivations
    received_at   timestamptz not null default now()
);

create index ticket_event_by_ticket on ticket_event (ticket_id, occurred_at, sequence);

-- A ticket's response clocks, one row per clock (type and cycle: several NEXT_RESPONSE clocks may follow).
-- running_since/counted_seconds are the pause bookkeeping: time counted before the current running
-- stretch, and when that stretch began (null while paused, and then no deadline either).
create table response_clock (
    ticket_id       uuid        not null,
    clock_type      varchar(32) not null,
    cycle           integer     not null,
    ticket_number   varchar(32),
    system_id       varchar(16),
    state           varchar(16) not null,
    severity        smallint    not null check (severity between 1 and 4),
    policy_version  varchar(32) not null references sla_policy (version),
    target_seconds  bigint      not null,
    started_at      timestamptz not null,
    running_since   timestamptz,
    counted_seconds bigint      not null default 0,
    deadline        timestamptz,
    updated_at      timestamptz not null default now(),
    primary key (ticket_id, clock_type, cycle)
);

-- What a deadline scheduler scans (due running clocks, claimed with FOR UPDATE SKIP LOCKED).
create index response_clock_running_by_deadline on response_clock (deadline) where state = 'RUNNING';
