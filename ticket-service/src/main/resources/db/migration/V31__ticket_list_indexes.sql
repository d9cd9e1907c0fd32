-- GET /api/tickets: keyset pagination orders by (sort column, id); support staff page over all accounts,
-- customers within their own (system_id first). Status filters narrow either.
create index ticket_created_at_id_idx on ticket (created_at, id);
create index ticket_updated_at_id_idx on ticket (updated_at, id);
create index ticket_severity_id_idx on ticket (severity, id);
create index ticket_system_id_created_at_id_idx on ticket (system_id, created_at, id);
create index ticket_system_id_updated_at_id_idx on ticket (system_id, updated_at, id);
create index ticket_system_id_severity_id_idx on ticket (system_id, severity, id);
create index ticket_status_created_at_idx on ticket (status, created_at);
-- replaced by ticket_system_id_created_at_id_idx
drop index ticket_system_id_created_at_idx;
