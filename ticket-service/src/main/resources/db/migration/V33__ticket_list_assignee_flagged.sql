-- The list's last two filters (issue 3, item 9): by assignee, and flagged tickets (accepted with eligibility
-- flags, P5.c, P14.e, P15.f, P15.g). "flagged" is derived by the database from what filing recorded, so it can
-- never disagree with the flags and can be indexed.
alter table ticket
    add column flagged boolean generated always as (jsonb_array_length(intake -> 'eligibilityFlags') > 0) stored;

drop index ticket_assignee_idx;
create index ticket_by_assignee on ticket (assignee, created_at, id) where assignee is not null;
create index ticket_flagged on ticket (created_at, id) where flagged;
