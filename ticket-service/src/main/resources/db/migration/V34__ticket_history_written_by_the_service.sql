-- The history row of each ticket event is now written by the service (TicketEvents.write) in the same
-- transaction as its outbox row, with the actor the Java code names, instead of a trigger that parsed every
-- outbox payload and guessed the actor from a hard-coded list of data field names (V30).
drop trigger outbox_event_ticket_history on outbox_event;
drop function ticket_history_from_outbox();
