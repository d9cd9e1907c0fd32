-- The 2010 policy in full. P9.3: after the customer's information arrives support works to meet the
-- response times again, so NEXT_RESPONSE has the first-response targets. P8.1: severity 1 also gets phone
-- contact from the regional Tier-2 network within 1 hour "within regional business hours"; the response
-- targets themselves name no business hours, so they stay counted 24/7.
insert into sla_target (policy_version, clock_type, severity, target_minutes, counting) values
    ('2010-02-01', 'NEXT_RESPONSE', 1, 120, 'AROUND_THE_CLOCK'),
    ('2010-02-01', 'NEXT_RESPONSE', 2, 240, 'AROUND_THE_CLOCK'),
    ('2010-02-01', 'NEXT_RESPONSE', 3, 480, 'AROUND_THE_CLOCK'),
    ('2010-02-01', 'NEXT_RESPONSE', 4, 720, 'AROUND_THE_CLOCK'),
    ('2010-02-01', 'TIER2_CALLBACK', 1, 60, 'BUSINESS_HOURS');

update sla_policy set activated_at = effective_from where version = '2010-02-01';

-- P13: team lead at the breach, support management an hour later, Tier-2 on-call after two.
insert into sla_escalation_level (policy_version, level, after_breach_seconds, audience) values
    ('2010-02-01', 1, 0, 'TEAM_LEAD'),
    ('2010-02-01', 2, 3600, 'SUPPORT_MANAGEMENT'),
    ('2010-02-01', 3, 7200, 'TIER2_ON_CALL');

-- Germany: national holidays only (regional ones such as Epiphany vary by state).
insert into business_calendar (region, zone, description, weekly_hours, holidays, yearly_holidays) values (
    'EU-DE', 'Europe/Berlin', 'Germany, Tier-2 office hours Mon-Fri 08:00-18:00, national holidays',
    '{"MONDAY":[{"opens":"08:00","closes":"18:00"}],"TUESDAY":[{"opens":"08:00","closes":"18:00"}],"WEDNESDAY":[{"opens":"08:00","closes":"18:00"}],"THURSDAY":[{"opens":"08:00","closes":"18:00"}],"FRIDAY":[{"opens":"08:00","closes":"18:00"}]}',
    '[]',
    '[{"name":"New Year''s Day","on":"01-01"},{"name":"Good Friday","fromEaster":-2},{"name":"Easter Monday","fromEaster":1},{"name":"Labour Day","on":"05-01"},{"name":"Ascension Day","fromEaster":39},{"name":"Whit Monday","fromEaster":50},{"name":"German Unity Day","on":"10-03"},{"name":"Christmas Day","on":"12-25"},{"name":"St Stephen''s Day","on":"12-26"}]');

-- US East: federal holidays on their dates (days observed in lieu of a weekend date are added as dates).
insert into business_calendar (region, zone, description, weekly_hours, holidays, yearly_holidays) values (
    'US-EAST', 'America/New_York', 'US East, Tier-2 office hours Mon-Fri 09:00-17:00, federal holidays',
    '{"MONDAY":[{"opens":"09:00","closes":"17:00"}],"TUESDAY":[{"opens":"09:00","closes":"17:00"}],"WEDNESDAY":[{"opens":"09:00","closes":"17:00"}],"THURSDAY":[{"opens":"09:00","closes":"17:00"}],"FRIDAY":[{"opens":"09:00","closes":"17:00"}]}',
    '[]',
    '[{"name":"New Year''s Day","on":"01-01"},{"name":"Martin Luther King Jr. Day","month":"JANUARY","weekday":"MONDAY","ordinal":3},{"name":"Memorial Day","month":"MAY","weekday":"MONDAY","ordinal":-1},{"name":"Independence Day","on":"07-04"},{"name":"Labor Day","month":"SEPTEMBER","weekday":"MONDAY","ordinal":1},{"name":"Thanksgiving Day","month":"NOVEMBER","weekday":"THURSDAY","ordinal":4},{"name":"Christmas Day","on":"12-25"}]');
