-- Confidential mail (taushetsbelagt post): a copy of IncomingItem.confidential for the queries, which must not let
-- the text filter match a confidential item's title or sender for a user who may not read it.
ALTER TABLE inbox_item ADD COLUMN confidential BOOLEAN DEFAULT FALSE NOT NULL;
