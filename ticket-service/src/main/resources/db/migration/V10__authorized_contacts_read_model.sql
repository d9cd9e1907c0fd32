-- Local read model of contact-service's account events (P12.1): who may file and reply for which account.
-- Filled only by the consumer of customer-account-changed, contact-authorized and contact-revoked, so filing
-- never waits for (or fails with) contact-service. Each row keeps the per-account sequence of the event it
-- was last written from: an older event arriving late never overwrites a newer state (events of one account
-- travel on three topics and may arrive in any order).
create table customer_account (
    system_id     char(6)     primary key check (system_id ~ '^[0-9]{6}$'), -- P5.a
    status        varchar(16) not null check (status in ('ACTIVE', 'SUSPENDED')),
    name          varchar(200) not null,
    last_sequence bigint      not null,
    updated_at    timestamptz not null
);

create table authorized_contact (
    contact_id        uuid        primary key,
    system_id         char(6)     not null check (system_id ~ '^[0-9]{6}$'),
    keycloak_user_id  varchar(255),             -- token sub; null while no user is linked
    authorized_from   date        not null,     -- first day (UTC)
    authorized_until  date,                     -- exclusive; null: until further notice
    last_sequence     bigint      not null,
    updated_at        timestamptz not null
);

-- the filing check: the contact records of one user in one account
create index authorized_contact_user_idx on authorized_contact (system_id, keycloak_user_id);

-- CloudEvent ids already applied (delivery is at least once): a redelivered event changes nothing.
create table consumed_event (
    event_id    uuid         primary key,
    type        varchar(255) not null,
    consumed_at timestamptz  not null
);
