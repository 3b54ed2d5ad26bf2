-- NULL: the row's envelope is one structured CloudEvent; N: it is a CloudEvents batch (a JSON array) of N events.
ALTER TABLE $schema$.outbox ADD COLUMN batch_events integer;
