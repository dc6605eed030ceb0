-- The inbox at a million items (issue 17).
-- Paging with a state filter: InboxQueries runs one query per organisation and state; with this index each reads its
-- rows in page order and stops after a page, whether the state is common (ARCHIVED) or rare (ARCHIVING). Without it
-- the database read the organisation's index until enough rows matched: for a rare state, every item.
-- ${h2_text_columns} is ", confidential, search_text" on H2 and empty on PostgreSQL: H2 has no text index, so its text
-- filter reads the organisation's items in page order, and with these columns in the index it tests each row there,
-- fetching only the matching rows from the table (TableFilter.getValue reads an index row's columns before the row).
CREATE INDEX ix_inbox_item_org_state_received
    ON inbox_item (recipient_orgnr, state, received_at DESC, id DESC${h2_text_columns});
-- The same for the unfiltered listing (rebuilt unchanged on PostgreSQL: a one-time cost, seconds at a million items).
DROP INDEX ix_inbox_item_org_received;
CREATE INDEX ix_inbox_item_org_received ON inbox_item (recipient_orgnr, received_at DESC, id DESC${h2_text_columns});
-- The free-text index on PostgreSQL (pg_trgm, GIN on search_text) is not made here: it needs the extension, which the
-- application's database user may not be allowed to create. SearchIndex makes it at start when it can (README).
