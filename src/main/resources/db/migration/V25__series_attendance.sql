-- series: who attended which live CFDS session. One row per attendee per session, so that a
-- repeated "Join", a repeated launch or a re-imported report changes nothing.
--   attendee_key: 'p:<person id>' for a person the tool knows; for an attendee known only from
--                 a video platform's report, 'e:<lower-case email>' or, without an email,
--                 'n:<folded name>'.
--   faculty_rank: ASSISTANT, ASSOCIATE, FULL or OTHER when a report gave it; NULL = unknown.
--   source:       JOIN (the schedule's Join button), LAUNCH (launched into the session),
--                 IMPORT (attendance report CSV).
--   minutes:      minutes attended, where the report says (NULL for JOIN and LAUNCH).
--   synthetic:    demo data, never real attendance.
CREATE TABLE series_attendance (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    series_session_id  VARCHAR(100) NOT NULL,
    attendee_key       VARCHAR(330) NOT NULL,
    person_id          BIGINT,
    faculty_rank       VARCHAR(16),
    source             VARCHAR(16)  NOT NULL,
    first_seen_at      TIMESTAMP(6) NOT NULL,
    minutes            INT,
    synthetic          BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT uk_series_attendance UNIQUE (series_session_id, attendee_key),
    CONSTRAINT fk_series_attendance_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_series_attendance_source CHECK (source IN ('JOIN', 'LAUNCH', 'IMPORT')),
    CONSTRAINT ck_series_attendance_minutes CHECK (minutes IS NULL OR minutes >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_series_attendance_person ON series_attendance (person_id);
