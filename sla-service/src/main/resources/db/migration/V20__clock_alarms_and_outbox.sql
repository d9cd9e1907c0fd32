-- Alarms: every SLA event that falls due at a known instant (warning, breach, escalation levels, met, and the
-- immediate escalations of P13.1 and P13.3), planned in the same transaction as the recomputation of the
-- ticket's clocks. Keyed by what the alarm is about, so a recomputation or a replay finds the same row again:
-- an unfired alarm is moved or dropped when its clock changes, a fired one is never fired again.
create table clock_alarm (
    alarm_key  varchar(200) primary key,  -- e.g. <ticket>/FIRST_RESPONSE/0/BREACH, <ticket>/ESCALATION/request/<event id>
    ticket_id  uuid         not null,
    kind       varchar(16)  not null check (kind in ('WARNING', 'BREACH', 'MET', 'ESCALATION')),
    due_at     timestamptz  not null,
    data       jsonb        not null,     -- the event's data as planned (without sequence)
    fired_at   timestamptz,
    event_id   uuid                       -- the CloudEvent id published when it fired
);

-- What the scheduler scans: only unfired alarms, in due order. Fired rows leave the index, so finding the
-- next due alarm costs the same with a thousand open clocks as with a million.
create index clock_alarm_pending_by_due on clock_alarm (due_at) where fired_at is null;
create index clock_alarm_by_ticket on clock_alarm (ticket_id);

-- data.sequence of the SLA events about one ticket (the aggregate), counted by this service.
create table sla_event_sequence (
    ticket_id     uuid   primary key,
    last_sequence bigint not null
);

-- Transactional outbox (libs/outbox): written with the fired alarm, deleted by the relay once Kafka acknowledged it.
create table outbox_event (
    id           uuid         primary key,  -- the CloudEvent id
    position     bigint       generated always as identity unique, -- relay order (oldest first)
    aggregate_id text         not null,     -- the Kafka record key (ticket id)
    topic        varchar(249) not null,
    type         varchar(255) not null,
    payload      text         not null,     -- the complete structured CloudEvent JSON
    created_at   timestamptz  not null
);
