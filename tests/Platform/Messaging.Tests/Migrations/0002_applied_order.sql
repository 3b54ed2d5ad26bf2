-- The order in which the handlers applied the events, so tests can check that each key's events kept theirs.
ALTER TABLE $schema$.applied ADD COLUMN applied_order bigint GENERATED ALWAYS AS IDENTITY;
