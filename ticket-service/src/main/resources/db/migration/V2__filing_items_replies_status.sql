-- P5 items of a filing. The lists (products P5.b, platforms P5.c, affected devices P5.f, error messages P5.h)
-- share one jsonb object: they are read and written with their ticket only, never queried on their own, and
-- the reactive PostgreSQL client maps only JSON objects (not arrays) as column values.
alter table ticket
    add column channel               varchar(16) not null default 'API'
        check (channel in ('PORTAL', 'IN_PRODUCT', 'API')),                                    -- P2.1
    add column region                varchar(32),
    add column license_code          varchar(64)
        check (license_code is null or left(license_code, 6) = system_id),                     -- P5.a
    add column item_lists            jsonb not null
        default '{"products": [], "platforms": [], "affectedDevices": [], "errorMessages": []}'::jsonb,
    add column environment           text check (char_length(environment) <= 20000),           -- P5.d
    add column reproduction_steps    text check (char_length(reproduction_steps) <= 20000),    -- P5.e
    add column desired_result        text check (char_length(desired_result) <= 20000),        -- P5.i
    add column special_circumstances text check (char_length(special_circumstances) <= 20000); -- P5.j

-- Tickets filed before this migration came through the API and listed nothing; new ones always set both.
alter table ticket alter column channel drop default;
alter table ticket alter column item_lists drop default;

alter table ticket add constraint ticket_status_check
    check (status in ('NEW', 'OPEN', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'REOPENED', 'CLOSED'));

-- Public updates and internal notes of a ticket (P3.1).
create table ticket_reply (
    id          uuid         primary key,
    ticket_id   uuid         not null references ticket (id),
    author      varchar(255) not null,
    author_role varchar(16)  not null check (author_role in ('CUSTOMER', 'SUPPORT')),
    visibility  varchar(16)  not null check (visibility in ('PUBLIC', 'INTERNAL')),
    body        text         not null check (char_length(body) <= 20000),
    posted_at   timestamptz  not null,
    -- internal notes come from support only
    check (author_role = 'SUPPORT' or visibility = 'PUBLIC')
);

create index ticket_reply_ticket_id_posted_at_idx on ticket_reply (ticket_id, posted_at, id);
