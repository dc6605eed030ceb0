-- A content store (issue 17): with one configured, the part of a large document past its threshold is a file beside
-- the database. content_offset is where that part begins (the chunk rows hold the bytes before it); NULL: all of the
-- document is in chunk rows.
ALTER TABLE inbox_document ADD COLUMN content_offset BIGINT;

-- The id in the store's marker file: every node of a cluster must use the folder that holds it (a shared folder).
-- One row at most: the first node to record its folder's id decides.
CREATE TABLE content_store (
    singleton INT PRIMARY KEY CHECK (singleton = 1),
    store_id VARCHAR(64) NOT NULL
);
