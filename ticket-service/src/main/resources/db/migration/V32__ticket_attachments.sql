-- Attachments of a ticket or of one of its replies (P5.g log files, P5.h screenshots). The bytes live in the
-- attachment directory (ticket.attachments.directory) under <ticket id>/<attachment id>; this row is written
-- only after the file is complete and its checksum known.
create table ticket_attachment (
    id            uuid          primary key,
    ticket_id     uuid          not null references ticket (id),
    reply_id      uuid          references ticket_reply (id),
    file_name     varchar(255)  not null,       -- sanitized display name, never used as a path
    content_type  varchar(127)  not null,       -- as sniffed and allowed
    size_bytes    bigint        not null check (size_bytes >= 0),
    sha256        char(64)      not null check (sha256 ~ '^[0-9a-f]{64}$'),
    -- attached to an internal note (P3.1): support only
    internal      boolean       not null,
    uploaded_by   varchar(255)  not null,
    uploaded_at   timestamptz   not null
);

create index ticket_attachment_ticket_id_idx on ticket_attachment (ticket_id, uploaded_at, id);
create index ticket_attachment_reply_id_idx on ticket_attachment (reply_id) where reply_id is not null;
