-- An agent's preferences (preferred start window, days off) as their proto JSON; null when the roster gives none.
ALTER TABLE $schema$.roster_agents ADD COLUMN preferences jsonb;
