-- Less PostgreSQL work per ticket event consumed (issue 4 item 6, bench/sla-scale): every new ticket writes an
-- event, its clocks and five alarms, so each column type and index here is paid for up to a million times.

-- Alarm data as the text the service wrote: PostgreSQL never looks inside it (the scheduler reads it back as
-- text and publishes it), so parsing it into jsonb on every planned alarm was pure cost.
alter table clock_alarm alter column data type text using data::text;

-- The CloudEvent kept as received, byte for byte, for later derivations: nothing queries inside it, so it is no
-- longer parsed into jsonb on insert (cast it with ::jsonb when reading it ad hoc).
alter table ticket_event alter column envelope type text using envelope::text;

-- No query looks up running clocks by deadline: due work is found in clock_alarm's partial index
-- (clock_alarm_pending_by_due). Every running clock paid an entry here for nothing.
drop index response_clock_running_by_deadline;

-- A ticket's events are read by ticket id only (the clock function sorts them itself): a narrower index.
create index ticket_event_by_ticket_id on ticket_event (ticket_id);
drop index ticket_event_by_ticket;
