-- What filing found and recorded besides the P5 items: eligibility flags (P5.c, P14.e, P15.f, P15.g) and the
-- knowledge-base articles shown before filing (P14.b), one JSON object read and written with its ticket only.
alter table ticket
    add column intake jsonb not null default '{"eligibilityFlags": [], "suggestedArticleIds": []}'::jsonb,
    -- the product's log excerpt of an in-product filing (P2.1, P5.g); full log files are attachments
    add column log_excerpt text check (char_length(log_excerpt) <= 65536);
