-- Working a ticket (issue 3, items 5-7). Migrations of this work use V20..V29.

-- Assignment: the queue a ticket waits in and the support user working it (null: nobody yet).
-- Rounds of escalation to development (P10.1) and hotfix tracking (P11): what the customer is told about the
-- fix, kept on the ticket so every read of it shows them.
alter table ticket
    add column queue              varchar(32) not null default 'FIRST_LEVEL',
    add column assignee           varchar(64),
    add column development_rounds integer not null default 0 check (development_rounds >= 0), -- P10.1
    add column estimated_fix_date date,                                                 -- P11.1
    add column hotfix_status      varchar(32)
        check (hotfix_status in ('PLANNED', 'RELEASED', 'VERIFIED', 'VERIFICATION_FAILED')), -- P11.2
    add column hotfix_version     varchar(64),
    add column hotfix_released_at timestamptz,
    add column hotfix_verified_at timestamptz;

create index ticket_assignee_idx on ticket (assignee) where assignee is not null;

-- Knowledge-base articles support linked to a ticket (ids are kb-service's, opaque here); ticket-resolved lists them.
create table ticket_linked_article (
    id         uuid         primary key,
    ticket_id  uuid         not null references ticket (id),
    article_id varchar(64)  not null,
    linked_by  varchar(255) not null,
    linked_at  timestamptz  not null,
    unique (ticket_id, article_id)
);

-- Escalations to development (P10.1): one row per round; reason and development reference are internal.
create table development_escalation (
    id                    uuid          primary key,
    ticket_id             uuid          not null references ticket (id),
    round                 integer       not null check (round >= 1),
    reason                text          not null check (char_length(reason) <= 2000),
    development_reference varchar(128)  not null,
    escalated_by          varchar(255)  not null,
    escalated_at          timestamptz   not null,
    unique (ticket_id, round)
);

-- The customer asking for an update or a further escalation (P13.3).
create table escalation_request (
    id           uuid          primary key,
    ticket_id    uuid          not null references ticket (id),
    kind         varchar(16)   not null check (kind in ('UPDATE', 'ESCALATION')),
    message      text          check (char_length(message) <= 2000),
    requested_by varchar(255)  not null,
    requested_at timestamptz   not null
);
create index escalation_request_ticket_idx on escalation_request (ticket_id, kind, requested_at desc);

-- Phone contacts (P4): outbound calls by support, and inbound calls logged without a service level (P4.3).
create table phone_contact (
    id           uuid          primary key,
    ticket_id    uuid          not null references ticket (id),
    tier         varchar(8)    not null check (tier in ('TIER1', 'TIER2')),
    direction    varchar(8)    not null check (direction in ('OUTBOUND', 'INBOUND')),
    called_at    timestamptz   not null,
    contact_name varchar(200)  not null,
    summary      text          check (char_length(summary) <= 4000),
    logged_by    varchar(255)  not null,
    logged_at    timestamptz   not null
);
create index phone_contact_ticket_idx on phone_contact (ticket_id, called_at);

-- The customer's grants of support access to their system (P7.1); "active" is computed when reading.
create table support_access_grant (
    id          uuid          primary key,
    ticket_id   uuid          not null references ticket (id),
    scope       text          not null check (char_length(scope) <= 2000),
    granted_by  varchar(255)  not null,
    granted_at  timestamptz   not null,
    expires_at  timestamptz   not null check (expires_at > granted_at),
    revoked_by  varchar(255),
    revoked_at  timestamptz,
    check ((revoked_by is null) = (revoked_at is null))
);
create index support_access_grant_ticket_idx on support_access_grant (ticket_id, granted_at);
