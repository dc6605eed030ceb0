-- The content store's files go to a folder per day (issue 17, seventh round): with all content in files, a store holds
-- millions, and the sweep reads only the days it has not read yet. content_path is the file's name relative to the
-- store ("2026-12-07/<item id>-<index>"); NULL with a content_offset: a file of the fifth round, found by its item id.
ALTER TABLE inbox_document ADD COLUMN content_path VARCHAR(100);
