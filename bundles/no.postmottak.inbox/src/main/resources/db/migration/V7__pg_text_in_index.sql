-- The text filter on PostgreSQL (issue 17): InboxQueries reads the newest rows of a range in page order first. With
-- confidential and search_text in the page-order indexes (as on H2 since V5) that read needs no table rows for the
-- pages the visibility map marks all-visible: measured at 1,000,000 items, a small organisation's 6,375 newest rows
-- took 16.8 ms fetching each row from the table. search_text is capped at 2,000 bytes (ItemRows) so an index row
-- stays under PostgreSQL's B-tree limit (2,704 bytes); longer ones written before are cut first.
-- The placeholder below (pg_text_in_index, Migrations) is those statements on PostgreSQL and a no-op on H2, whose V5
-- indexes have the columns already.
${pg_text_in_index};
