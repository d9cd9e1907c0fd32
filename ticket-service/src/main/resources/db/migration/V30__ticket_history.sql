-- Full history of each ticket (issue 3, item 9): one row per event, i.e. per state change, with who and when.
-- Filled by a trigger on the outbox: every ticket event is written there in the state change's transaction
-- (libs/outbox, TicketEvents), so the history is complete and atomic with the change, whatever code path or
-- branch adds new event types, and no Java call site has to remember it.
create table ticket_history (
    event_id    uuid         primary key,     -- the CloudEvent id
    ticket_id   uuid         not null,
    sequence    bigint       not null,        -- data.sequence
    event_type  varchar(249) not null,        -- the event name (= topic), e.g. ticket-status-changed
    actor       varchar(255),                 -- who made the change, when the event names them
    occurred_at timestamptz  not null,        -- the CloudEvent time
    data        jsonb        not null,        -- the event's data as published
    -- two changes drawing the same sequence number would be a lost update: refuse the second transaction
    unique (ticket_id, sequence)
);

-- The actor is the event's "who" field; events name it after their action (createdBy, author, changedBy...).
-- New event types should use one of these names (or "actor"), or extend this list.
create function ticket_history_from_outbox() returns trigger language plpgsql as $$
declare
    event jsonb := new.payload::jsonb;
    d     jsonb := event -> 'data';
begin
    -- only this service's ticket events (the outbox table is shared plumbing, libs/outbox); a ticket event
    -- without its sequence fails the transaction on the not-null constraint rather than leave a gap
    if event ->> 'source' is distinct from '/ticket-service' then
        return new;
    end if;
    insert into ticket_history (event_id, ticket_id, sequence, event_type, actor, occurred_at, data)
    values (new.id, new.aggregate_id::uuid, (d ->> 'sequence')::bigint, new.topic,
            coalesce(d ->> 'actor', d ->> 'changedBy', d ->> 'author', d ->> 'createdBy', d ->> 'assignedBy',
                     d ->> 'escalatedBy', d ->> 'requestedBy', d ->> 'loggedBy', d ->> 'grantedBy',
                     d ->> 'revokedBy', d ->> 'resolvedBy', d ->> 'agent'),
            (event ->> 'time')::timestamptz, d);
    return new;
end
$$;

create trigger outbox_event_ticket_history
    after insert on outbox_event
    for each row execute function ticket_history_from_outbox();
