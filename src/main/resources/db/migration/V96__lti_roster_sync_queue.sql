-- Roster syncs as rows, so a request survives a crash and any instance may run it: one row per
-- course (a second request while one is pending or running merges into it), claimed through
-- the shared outbox (lease columns), retried with backoff, and kept as DONE (SENT) or FAILED
-- for the staff page until the next request.
CREATE TABLE lti_roster_sync (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id        BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    requested_at     TIMESTAMP(6)  NOT NULL,
    next_attempt_at  TIMESTAMP(6)  NOT NULL,
    locked_until     TIMESTAMP(6)  NULL,
    locked_by        CHAR(36)      CHARACTER SET ascii NULL,
    last_error       VARCHAR(1000) NULL,
    sent_at          TIMESTAMP(6)  NULL,
    CONSTRAINT uk_roster_sync_course UNIQUE (course_id),
    INDEX ix_roster_sync_due (status, next_attempt_at),
    CONSTRAINT fk_roster_sync_course FOREIGN KEY (course_id) REFERENCES lti_course_service (course_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
