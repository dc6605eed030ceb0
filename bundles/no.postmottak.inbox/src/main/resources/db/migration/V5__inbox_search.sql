-- Paging with a state filter at a million items (issue 17). InboxQueries runs one query per organisation and state;
-- with this index each reads its rows in page order and stops after a page, whether the state is common (ARCHIVED)
-- or rare (ARCHIVING). Without it the database read (organisation index) until enough rows matched: for a rare
-- state, the organisation's every item.
CREATE INDEX ix_inbox_item_org_state_received ON inbox_item (recipient_orgnr, state, received_at DESC, id DESC);
-- The free-text index on PostgreSQL (pg_trgm, GIN on search_text) is not made here: it needs the extension, which
-- the application's database user may not be allowed to create. SearchIndex makes it at start when it can (README).
