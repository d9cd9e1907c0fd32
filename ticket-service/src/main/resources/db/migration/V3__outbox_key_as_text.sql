-- The outbox row is shared plumbing (libs/outbox) whose record key is text, as every service's aggregate id
-- has its own type (here the ticket's uuid, in contact-service an account's system ID).
alter table outbox_event alter column aggregate_id type text using aggregate_id::text;
