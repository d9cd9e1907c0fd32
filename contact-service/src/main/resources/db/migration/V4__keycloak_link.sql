-- The link of a contact to its Keycloak user (issue 5, item 7): what the sync job is to do in Keycloak and how far
-- it got. The Keycloak call happens outside any transaction; these columns are its outbox.
alter table authorized_contact
    add column keycloak_action        varchar(16) check (keycloak_action in ('PROVISION', 'LINK', 'UNLINK')),
    add column keycloak_sync          varchar(16) check (keycloak_sync in ('PENDING', 'DONE', 'FAILED')),
    add column keycloak_sync_error    text,
    add column keycloak_sync_attempts integer     not null default 0,
    -- next attempt; a claimed row is leased by moving this into the future
    add column keycloak_sync_next_at  timestamptz;

create index authorized_contact_keycloak_due_idx on authorized_contact (keycloak_sync_next_at)
    where keycloak_sync = 'PENDING';
