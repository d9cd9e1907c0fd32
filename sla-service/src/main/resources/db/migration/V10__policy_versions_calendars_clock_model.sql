-- Versioned policies with drafts, per-account versions (premium contracts), warning share, counting per
-- target and escalation levels (P8, P13, P16.1); regional business calendars; the complete clock model.

-- A draft has no effective_from until it is activated. One version per instant and account (null = all).
alter table sla_policy alter column effective_from drop not null;
alter table sla_policy drop constraint sla_policy_effective_from_key;
alter table sla_policy add column system_id varchar(16);
alter table sla_policy add column warning_share numeric(5, 4) not null default 0.75
    check (warning_share > 0 and warning_share < 1);
alter table sla_policy add column created_at timestamptz not null default now();
alter table sla_policy add column activated_at timestamptz;
create unique index sla_policy_one_version_per_instant
    on sla_policy (coalesce(system_id, ''), effective_from) where effective_from is not null;

alter table sla_target add column counting varchar(16) not null default 'AROUND_THE_CLOCK'
    check (counting in ('AROUND_THE_CLOCK', 'BUSINESS_HOURS'));
alter table sla_target add constraint sla_target_clock_type
    check (clock_type in ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'TIER2_CALLBACK'));

create table sla_escalation_level (
    policy_version       varchar(32) not null references sla_policy (version),
    level                smallint    not null check (level >= 1),
    after_breach_seconds bigint      not null check (after_breach_seconds >= 0),
    audience             varchar(32) not null check (audience in ('TEAM_LEAD', 'SUPPORT_MANAGEMENT', 'TIER2_ON_CALL')),
    primary key (policy_version, level)
);

-- A region's business calendar. The JSON columns hold the admin API's own shapes (validated on write):
-- weekly_hours {"MONDAY":[{"opens":"08:00","closes":"18:00"}]}, holidays ["2026-12-24"],
-- yearly_holidays [{"name":"...","on":"12-25"} | {"name":"...","fromEaster":-2} |
--                  {"name":"...","month":"NOVEMBER","weekday":"THURSDAY","ordinal":4}].
create table business_calendar (
    region          varchar(32) primary key,
    zone            varchar(64) not null,
    description     text        not null,
    weekly_hours    text        not null,
    holidays        text        not null,
    yearly_holidays text        not null,
    updated_at      timestamptz not null default now()
);

-- What the clocks need from each event type, besides severity and status.
alter table ticket_event add column previous_status varchar(32);
alter table ticket_event add column region varchar(64);
alter table ticket_event add column visibility varchar(16);
alter table ticket_event add column tier varchar(16);
alter table ticket_event add column direction varchar(16);
alter table ticket_event add column escalation_kind varchar(16);

-- The complete clock: warning instant, the region whose calendar counts it (null = 24/7), breach and end
-- instants, and the history of its transitions (JSON array, written whole on each recomputation).
alter table response_clock add column warning_at timestamptz;
alter table response_clock add column calendar_region varchar(32);
alter table response_clock add column breached_at timestamptz;
alter table response_clock add column ended_at timestamptz;
alter table response_clock add column history text not null default '[]';

-- Reports select clocks by start and group them by account or severity.
create index response_clock_by_start on response_clock (started_at);
