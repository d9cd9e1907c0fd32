-- The support policy of 1 February 2010: maximum time to first response by severity (P8.1-P8.4).
insert into sla_policy (version, effective_from, description)
values ('2010-02-01', timestamptz '2010-02-01 00:00:00+00', 'Support policy of 1 February 2010');

insert into sla_target (policy_version, clock_type, severity, target_minutes) values
    ('2010-02-01', 'FIRST_RESPONSE', 1, 120),  -- P8.1: 2 h
    ('2010-02-01', 'FIRST_RESPONSE', 2, 240),  -- P8.2: 4 h
    ('2010-02-01', 'FIRST_RESPONSE', 3, 480),  -- P8.3: 8 h
    ('2010-02-01', 'FIRST_RESPONSE', 4, 720);  -- P8.4: 12 h
