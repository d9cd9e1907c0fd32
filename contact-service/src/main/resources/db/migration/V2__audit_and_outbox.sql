-- data.sequence of the last event published about the account (its own and its contacts' events, P12.4)
alter table customer_account add column last_event_sequence bigint not null default 0;

-- The audit trail (P12.4: the written record of who changed which account or contact, and how). Written in the
-- same transaction as the change; never updated or deleted.
create table audit_entry (
    id              uuid         primary key,
    position        bigint       generated always as identity unique, -- insertion order, ties on occurred_at
    system_id       char(6)      not null references customer_account (system_id),
    contact_id      uuid         references authorized_contact (id),
    action          varchar(32)  not null,
    actor_username  varchar(255) not null, -- token preferred_username
    actor_subject   varchar(255),          -- token sub (the Keycloak user id)
    occurred_at     timestamptz  not null,
    state_before    jsonb,                 -- null when the change created the record
    state_after     jsonb        not null
);

-- an account's trail, newest first
create index audit_entry_system_id_position_idx on audit_entry (system_id, position desc);

-- Transactional outbox: written with the state change, deleted by the relay once Kafka acknowledged it.
create table outbox_event (
    id           uuid         primary key,  -- the CloudEvent id
    position     bigint       generated always as identity unique, -- relay order (oldest first)
    aggregate_id char(6)      not null,     -- the account's system ID, the Kafka record key
    topic        varchar(249) not null,
    type         varchar(255) not null,
    payload      text         not null,     -- the complete structured CloudEvent JSON
    created_at   timestamptz  not null
);

-- the authorization lookup: a Keycloak user's contact records in an account
create index authorized_contact_keycloak_user_idx on authorized_contact (system_id, keycloak_user_id);
