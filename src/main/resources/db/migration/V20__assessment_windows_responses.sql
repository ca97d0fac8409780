-- assessment: survey administration and confidential responses.
--
-- Responses never name a person. A response is keyed by a pseudonym: HMAC-SHA256 of the
-- course and person ids under a server-held key (assessment_secret, or the
-- coachapproach.assessment.pseudonym-key setting). The person finds their own response by
-- computing the same pseudonym; nothing here maps a pseudonym back to a person, and there
-- are no timestamps that could be matched against sign-ins. See docs/confidentiality.md.

CREATE TABLE assessment_secret (
    id             TINYINT       NOT NULL PRIMARY KEY,
    pseudonym_key  VARBINARY(64) NOT NULL,
    CONSTRAINT ck_assessment_secret_single CHECK (id = 1)
) ENGINE=InnoDB;

-- Per course and instrument: completion credit (off unless staff turn it on), the
-- retrospective "then" items and the optional follow-up wave.
CREATE TABLE assessment_instrument_settings (
    course_id          BIGINT       NOT NULL,
    instrument_id      VARCHAR(64)  NOT NULL,
    completion_credit  BOOLEAN      NOT NULL DEFAULT FALSE,
    retrospective      BOOLEAN      NOT NULL DEFAULT FALSE,
    follow_up          BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (course_id, instrument_id),
    CONSTRAINT fk_assessment_settings_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When each wave of an instrument is open in a course: calendar dates, both inclusive, in
-- the course's time zone (coachapproach.curriculum.time-zone).
CREATE TABLE assessment_window (
    course_id      BIGINT       NOT NULL,
    instrument_id  VARCHAR(64)  NOT NULL,
    wave           VARCHAR(16)  NOT NULL,
    opens_on       DATE         NOT NULL,
    closes_on      DATE         NOT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (course_id, instrument_id, wave),
    CONSTRAINT ck_assessment_window_dates CHECK (closes_on >= opens_on),
    CONSTRAINT fk_assessment_window_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One response per pseudonym, instrument and wave. Answers are packed in one column
-- (item=value;... with free text percent-encoded): a report reads one row per respondent
-- and wave, in key order, never one row per answer.
-- origin: TOOL (answered here), IMPORT (an earlier cohort's file), SYNTHETIC (demo data).
CREATE TABLE assessment_response (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id      BIGINT       NOT NULL,
    instrument_id  VARCHAR(64)  NOT NULL,
    respondent     BINARY(32)   NOT NULL,
    wave           VARCHAR(16)  NOT NULL,
    submitted      BOOLEAN      NOT NULL DEFAULT FALSE,
    origin         VARCHAR(16)  NOT NULL DEFAULT 'TOOL',
    content_hash   CHAR(64)     NOT NULL,
    answers        MEDIUMTEXT   NOT NULL,
    CONSTRAINT uq_assessment_response UNIQUE (course_id, instrument_id, respondent, wave),
    CONSTRAINT ck_assessment_response_origin CHECK (origin IN ('TOOL', 'IMPORT', 'SYNTHETIC')),
    CONSTRAINT fk_assessment_response_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
