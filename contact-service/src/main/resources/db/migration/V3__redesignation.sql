-- Redesignations with advance notice (P12.5): a change of an account's contacts from a future date, pending until
-- the activation job applies it on that date (exactly once: the job claims due rows FOR UPDATE SKIP LOCKED and
-- settles them in the transaction that changes the contacts), or until it is withdrawn.
create table redesignation (
    id                    uuid         primary key,
    system_id             char(6)      not null references customer_account (system_id),
    effective_on          date         not null,
    status                varchar(16)  not null check (status in ('PENDING', 'APPLIED', 'FAILED', 'WITHDRAWN')),
    additions             jsonb        not null, -- contacts to authorize from effective_on (name, e-mail, ...)
    removals              jsonb        not null, -- ids of contacts whose authorization ends on effective_on
    submitted_by          varchar(255) not null, -- token preferred_username
    submitted_by_subject  varchar(255),          -- token sub
    submitted_at          timestamptz  not null,
    settled_at            timestamptz,           -- applied, failed or withdrawn
    settled_by            varchar(255),
    failure_reason        text,
    version               bigint       not null default 0
);

-- the activation job's claim: due pending changes, oldest date first
create index redesignation_pending_idx on redesignation (effective_on, submitted_at) where status = 'PENDING';
-- an account's changes, for listing and the quota projection
create index redesignation_system_id_idx on redesignation (system_id, submitted_at);
