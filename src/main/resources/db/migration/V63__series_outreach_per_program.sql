-- series, outreach: institution-level data per program (see V62). Until now there was one set
-- of it for the whole tool; it all goes to the program of the first registration (the lowest
-- registration id, hence the lowest program id), the one that was there first. Without any
-- registration no one could have launched to make such data; rows that still have no program
-- (only the file fingerprints, which the reminder job writes at start) are dropped and made
-- again per program.

-- The schedule as staff edit it: session ids are unique within a program.
ALTER TABLE series_schedule ADD COLUMN program_id BIGINT NULL FIRST;
UPDATE series_schedule SET program_id = (SELECT MIN(id) FROM program);
DELETE FROM series_schedule WHERE program_id IS NULL;
ALTER TABLE series_schedule MODIFY program_id BIGINT NOT NULL,
    DROP PRIMARY KEY, ADD PRIMARY KEY (program_id, session_id),
    ADD CONSTRAINT fk_series_schedule_program FOREIGN KEY (program_id) REFERENCES program (id);

-- The file sessions as each program last saw them (its calendars' SEQUENCE): a program made
-- later starts from the files at its first read.
ALTER TABLE series_file_revision ADD COLUMN program_id BIGINT NULL FIRST;
UPDATE series_file_revision SET program_id = (SELECT MIN(id) FROM program);
DELETE FROM series_file_revision WHERE program_id IS NULL;
ALTER TABLE series_file_revision MODIFY program_id BIGINT NOT NULL,
    DROP PRIMARY KEY, ADD PRIMARY KEY (program_id, session_id),
    ADD CONSTRAINT fk_series_file_revision_program FOREIGN KEY (program_id) REFERENCES program (id);

-- Attendance per program. Only the synthetic demo record has no program: it is the same made-up
-- data for every program (never real attendance) and is shown as such.
ALTER TABLE series_attendance ADD COLUMN program_id BIGINT NULL AFTER id;
UPDATE series_attendance SET program_id = (SELECT MIN(id) FROM program) WHERE NOT synthetic;
DELETE FROM series_attendance WHERE program_id IS NULL AND NOT synthetic;
ALTER TABLE series_attendance DROP INDEX uk_series_attendance,
    ADD CONSTRAINT uk_series_attendance UNIQUE (program_id, series_session_id, attendee_key),
    ADD CONSTRAINT ck_series_attendance_program CHECK (program_id IS NOT NULL OR synthetic),
    ADD CONSTRAINT fk_series_attendance_program FOREIGN KEY (program_id) REFERENCES program (id);

-- The outbox: each program sees and dedups only its own mailings.
ALTER TABLE outreach_outbox ADD COLUMN program_id BIGINT NULL AFTER id;
UPDATE outreach_outbox SET program_id = (SELECT MIN(id) FROM program);
DELETE FROM outreach_outbox WHERE program_id IS NULL;
ALTER TABLE outreach_outbox MODIFY program_id BIGINT NOT NULL,
    DROP INDEX uk_outreach_outbox,
    ADD CONSTRAINT uk_outreach_outbox UNIQUE (program_id, dedup_key, recipient),
    ADD CONSTRAINT fk_outreach_outbox_program FOREIGN KEY (program_id) REFERENCES program (id);

-- Staff switches per program and kind.
ALTER TABLE outreach_kind_switch ADD COLUMN program_id BIGINT NULL FIRST;
UPDATE outreach_kind_switch SET program_id = (SELECT MIN(id) FROM program);
DELETE FROM outreach_kind_switch WHERE program_id IS NULL;
ALTER TABLE outreach_kind_switch MODIFY program_id BIGINT NOT NULL,
    DROP PRIMARY KEY, ADD PRIMARY KEY (program_id, kind),
    ADD CONSTRAINT fk_outreach_kind_switch_program FOREIGN KEY (program_id) REFERENCES program (id);

-- The faculty list per program.
ALTER TABLE outreach_faculty ADD COLUMN program_id BIGINT NULL FIRST;
UPDATE outreach_faculty SET program_id = (SELECT MIN(id) FROM program);
DELETE FROM outreach_faculty WHERE program_id IS NULL;
ALTER TABLE outreach_faculty MODIFY program_id BIGINT NOT NULL,
    DROP PRIMARY KEY, ADD PRIMARY KEY (program_id, email),
    ADD CONSTRAINT fk_outreach_faculty_program FOREIGN KEY (program_id) REFERENCES program (id);

-- Feed tokens per program. Generations stay numbered per person across programs, so a token
-- (an HMAC of person and generation) names one program, and existing addresses keep working.
ALTER TABLE outreach_feed_token ADD COLUMN program_id BIGINT NULL AFTER token_hash;
UPDATE outreach_feed_token SET program_id = (SELECT MIN(id) FROM program);
DELETE FROM outreach_feed_token WHERE program_id IS NULL;
ALTER TABLE outreach_feed_token MODIFY program_id BIGINT NOT NULL,
    ADD INDEX ix_outreach_feed_token_program (program_id, person_id, retired_at),
    ADD CONSTRAINT fk_outreach_feed_token_program FOREIGN KEY (program_id) REFERENCES program (id);
