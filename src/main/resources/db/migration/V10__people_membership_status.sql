-- people: a membership's status as the platform's roster states it (NRPS: Active, Inactive,
-- Deleted). A launch makes a membership Active; a roster sync sets all three.
ALTER TABLE membership
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN roster_synced BOOLEAN NOT NULL DEFAULT FALSE;
