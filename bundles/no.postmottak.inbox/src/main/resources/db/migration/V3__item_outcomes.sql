-- What became of an item, for channels that tell the sender (eFormidling receipts): set in the same transaction as the
-- move to a final state (ARCHIVED, DELETED, FORWARDED), cleared when the channel has reported it.
ALTER TABLE inbox_item ADD COLUMN outcome_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE inbox_item ADD COLUMN outcome_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE inbox_item ADD COLUMN outcome_error VARCHAR(4000);
CREATE INDEX ix_inbox_item_outcome ON inbox_item (outcome_pending, channel, state_changed_at);
