-- Document chunks are compressed or encrypted already (PDF, zip, images): PostgreSQL's TOAST compression would only
-- spend CPU on them. EXTERNAL keeps large values out of line, uncompressed (it applies to rows written from now on).
-- ${chunk_storage} is that ALTER TABLE on PostgreSQL and a no-op on H2, which has no such setting.
${chunk_storage};
