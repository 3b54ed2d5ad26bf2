-- Events enqueued together but published one per message share one row: the envelope column holds their envelopes as a
-- JSON array and this column each event's own message key (NULL for a row of one event or a CloudEvents batch).
ALTER TABLE $schema$.outbox ADD COLUMN event_keys text[];
-- Such rows are large and repetitive: LZ4 compresses them several times over at little CPU, where the server has it.
DO $$
BEGIN
    ALTER TABLE $schema$.outbox ALTER COLUMN envelope SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$$;
