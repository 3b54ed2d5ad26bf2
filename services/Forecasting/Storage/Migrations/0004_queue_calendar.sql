-- The roster's open hours (WeeklyRange proto JSON, local to time_zone; [] = not given: the engine learns them) and
-- closed dates (local yyyy-MM-dd) of a queue: the calendar its forecasts are told.
ALTER TABLE $schema$.queue_settings
    ADD COLUMN open_hours jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN closed_dates text[] NOT NULL DEFAULT '{}';
