-- Customer accounts, identified by their system ID (P5.a), with the agreed number of authorized contacts (P12.2).
create table customer_account (
    system_id        char(6)      primary key check (system_id ~ '^[0-9]{6}$'),
    -- P5.a: the system ID is the first six digits of the license code
    license_code     varchar(64)  check (license_code is null or left(license_code, 6) = system_id),
    name             varchar(200) not null,
    region           varchar(32)  not null,
    support_level    varchar(16)  not null,
    contact_quota    integer      not null check (contact_quota between 1 and 100),
    status           varchar(16)  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);

-- Authorized contacts of an account (P12.3, P12.4). A contact is authorized on the days
-- [authorized_from, authorized_until); revoking sets authorized_until and keeps the row as history.
create table authorized_contact (
    id                uuid         primary key,
    system_id         char(6)      not null references customer_account (system_id),
    name              varchar(200) not null,
    email             varchar(254) not null,
    phone             varchar(16)  not null check (phone ~ '^\+[1-9][0-9]{7,14}$'), -- E.164
    language          varchar(2)   not null check (language in ('de', 'en')),
    keycloak_user_id  varchar(255),
    authorized_from   date         not null,
    -- equal to authorized_from only for a contact revoked before its start: it was never authorized
    authorized_until  date         check (authorized_until is null or authorized_until >= authorized_from),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);

-- quota count and duplicate e-mail check per account
create index authorized_contact_system_id_idx on authorized_contact (system_id, lower(email));
