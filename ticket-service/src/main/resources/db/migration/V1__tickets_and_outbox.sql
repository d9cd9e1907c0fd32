-- Ticket numbers (P2.2, P6.1): TCK-<year>-<zero-padded value of this sequence>, assigned by the service.
create sequence ticket_number_seq as bigint start with 1 increment by 1;

create table ticket (
    id                  uuid         primary key,
    ticket_number       varchar(32)  not null unique,
    system_id           char(6)      not null check (system_id ~ '^[0-9]{6}$'), -- P5.a
    severity            smallint     not null check (severity between 1 and 4), -- P8
    subject             varchar(200) not null,
    description         text         not null check (char_length(description) <= 20000),
    status              varchar(32)  not null,
    created_by          varchar(255) not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    -- data.sequence of the last event published about this ticket
    last_event_sequence bigint       not null default 0,
    version             bigint       not null default 0
);

-- a customer's view: their account's tickets, newest first
create index ticket_system_id_created_at_idx on ticket (system_id, created_at desc);

-- Transactional outbox: written with the state change, deleted by the relay once Kafka acknowledged it.
create table outbox_event (
    id           uuid         primary key,  -- the CloudEvent id
    position     bigint       generated always as identity unique, -- relay order (oldest first)
    aggregate_id uuid         not null,     -- the Kafka record key
    topic        varchar(249) not null,
    type         varchar(255) not null,
    payload      text         not null,     -- the complete structured CloudEvent JSON
    created_at   timestamptz  not null
);
