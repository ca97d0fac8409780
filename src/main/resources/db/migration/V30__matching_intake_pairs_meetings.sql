-- matching: intake answers, staff rules and proposals, published pairs and their meetings.
-- Intake answers are personal: only the person and staff doing the matching read them, and
-- no survey report reads these tables. Meeting notes sit in a table of their own that only
-- their author's page reads.

-- One intake per person and course: answers and preferences as JSON (criterion -> options and
-- free text; criterion -> same/different/none and requirement/wish), option ids as in
-- curriculum/intake/matching.yml at content_hash.
CREATE TABLE matching_intake (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id     BIGINT       NOT NULL,
    person_id     BIGINT       NOT NULL,
    role          VARCHAR(8)   NOT NULL,
    capacity      TINYINT      NULL,
    answers       MEDIUMTEXT   NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_matching_intake UNIQUE (course_id, person_id),
    CONSTRAINT ck_matching_intake_role CHECK (role IN ('MENTOR', 'MENTEE')),
    CONSTRAINT ck_matching_intake_capacity CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 3),
    CONSTRAINT fk_matching_intake_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_matching_intake_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per-course overrides of the defaults in curriculum/intake/matching.yml (NULL: the default).
CREATE TABLE matching_course_settings (
    course_id              BIGINT       NOT NULL PRIMARY KEY,
    weights                VARCHAR(1000) NULL,
    meeting_reminder_days  SMALLINT     NULL,
    updated_at             TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_matching_course_settings_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff locks (forced pairs; against a requirement only with a reason) and exclusions.
CREATE TABLE matching_pair_rule (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT        NOT NULL,
    mentee_id   BIGINT        NOT NULL,
    mentor_id   BIGINT        NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    reason      VARCHAR(1000) NULL,
    created_by  BIGINT        NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uq_matching_pair_rule UNIQUE (course_id, mentee_id, mentor_id),
    CONSTRAINT ck_matching_pair_rule_kind CHECK (kind IN ('LOCK', 'EXCLUDE')),
    CONSTRAINT fk_matching_pair_rule_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each run's proposal as the engine gave it (JSON), kept so staff publish exactly what they saw.
CREATE TABLE matching_proposal (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id     BIGINT       NOT NULL,
    run_by        BIGINT       NOT NULL,
    run_at        TIMESTAMP(6) NOT NULL,
    proposal      MEDIUMTEXT   NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    published_at  TIMESTAMP(6) NULL,
    published_by  BIGINT       NULL,
    KEY ix_matching_proposal_course (course_id, id),
    CONSTRAINT fk_matching_proposal_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Published pairs. A later publication ends pairs it no longer contains (ended_at) and keeps
-- the ones it repeats, with their meetings.
CREATE TABLE matching_pair (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id      BIGINT       NOT NULL,
    mentor_id      BIGINT       NOT NULL,
    mentee_id      BIGINT       NOT NULL,
    proposal_id    BIGINT       NOT NULL,
    published_at   TIMESTAMP(6) NOT NULL,
    ended_at       TIMESTAMP(6) NULL,
    KEY ix_matching_pair_course (course_id, ended_at),
    KEY ix_matching_pair_mentor (mentor_id),
    KEY ix_matching_pair_mentee (mentee_id),
    CONSTRAINT fk_matching_pair_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_matching_pair_mentor FOREIGN KEY (mentor_id) REFERENCES person (id),
    CONSTRAINT fk_matching_pair_mentee FOREIGN KEY (mentee_id) REFERENCES person (id),
    CONSTRAINT fk_matching_pair_proposal FOREIGN KEY (proposal_id) REFERENCES matching_proposal (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- In-tool notices (a new match), shown on the person's home page until seen.
CREATE TABLE matching_notice (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id   BIGINT       NOT NULL,
    pair_id     BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    seen_at     TIMESTAMP(6) NULL,
    KEY ix_matching_notice_person (person_id, seen_at),
    CONSTRAINT fk_matching_notice_pair FOREIGN KEY (pair_id) REFERENCES matching_pair (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A meeting of a pair, logged by either person. behaviours: ICF competency ids, comma-separated.
CREATE TABLE matching_meeting (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pair_id           BIGINT        NOT NULL,
    logged_by         BIGINT        NOT NULL,
    met_on            DATE          NOT NULL,
    duration_minutes  SMALLINT      NOT NULL,
    format            VARCHAR(16)   NOT NULL,
    topics            VARCHAR(2000) NULL,
    behaviours        VARCHAR(1000) NOT NULL DEFAULT '',
    content_hash      CHAR(64)      NOT NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    KEY ix_matching_meeting_pair (pair_id, met_on),
    CONSTRAINT ck_matching_meeting_duration CHECK (duration_minutes BETWEEN 5 AND 480),
    CONSTRAINT ck_matching_meeting_format CHECK (format IN ('IN_PERSON', 'VIDEO', 'PHONE')),
    CONSTRAINT fk_matching_meeting_pair FOREIGN KEY (pair_id) REFERENCES matching_pair (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Private notes: read only for their author, never by staff pages or figures.
CREATE TABLE matching_meeting_note (
    meeting_id  BIGINT     NOT NULL PRIMARY KEY,
    author_id   BIGINT     NOT NULL,
    note        MEDIUMTEXT NOT NULL,
    CONSTRAINT fk_matching_meeting_note_meeting FOREIGN KEY (meeting_id) REFERENCES matching_meeting (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scheduling help: times one person proposes; the other accepts one.
CREATE TABLE matching_time_proposal (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pair_id           BIGINT       NOT NULL,
    proposed_by       BIGINT       NOT NULL,
    starts_at         TIMESTAMP(6) NOT NULL,
    duration_minutes  SMALLINT     NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    accepted_at       TIMESTAMP(6) NULL,
    KEY ix_matching_time_proposal_pair (pair_id, starts_at),
    CONSTRAINT fk_matching_time_proposal_pair FOREIGN KEY (pair_id) REFERENCES matching_pair (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
