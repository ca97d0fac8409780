-- lti: LTI Advantage services (Deep Linking 2.0, AGS 2.0, NRPS 2.0).

-- An instructor's open deep-linking request: what the platform asked for and where to answer.
CREATE TABLE lti_deep_linking (
    id               CHAR(43)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    registration_id  BIGINT        NOT NULL,
    deployment_id    VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    person_id        BIGINT        NOT NULL,
    return_url       VARCHAR(2048) NOT NULL,
    data             VARCHAR(4096),
    accept_multiple  BOOLEAN       NOT NULL,
    accept_line_item BOOLEAN       NOT NULL,
    title            VARCHAR(255),
    expires_at       TIMESTAMP(6)  NOT NULL,
    answered_at      TIMESTAMP(6)  NULL,
    CONSTRAINT fk_deep_linking_registration FOREIGN KEY (registration_id) REFERENCES lti_registration (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The platform's service endpoints for a course, as its latest launch named them.
CREATE TABLE lti_course_service (
    course_id        BIGINT        NOT NULL PRIMARY KEY,
    registration_id  BIGINT        NOT NULL,
    deployment_id    VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    line_items_url   VARCHAR(2048),
    ags_scopes       VARCHAR(1024),
    memberships_url  VARCHAR(2048),
    roster_synced_at TIMESTAMP(6)  NULL,
    roster_members   INT           NULL,
    roster_error     VARCHAR(1000),
    updated_at       TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_course_service_registration FOREIGN KEY (registration_id) REFERENCES lti_registration (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The platform line item that receives an item's scores in a course (found or created once).
CREATE TABLE lti_line_item (
    course_id        BIGINT        NOT NULL,
    item_key         VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    line_item_url    VARCHAR(2048) NOT NULL,
    score_maximum    DOUBLE        NULL,
    PRIMARY KEY (course_id, item_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The score outbox: one row per person, course and item, written in the transaction that
-- records the completion, sent after commit, retried until the platform has it.
CREATE TABLE lti_score (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id        BIGINT        NOT NULL,
    person_id        BIGINT        NOT NULL,
    item_key         VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    item_label       VARCHAR(255)  NOT NULL,
    completed_at     TIMESTAMP(6)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP(6)  NOT NULL,
    locked_until     TIMESTAMP(6)  NULL,
    locked_by        CHAR(36)      CHARACTER SET ascii NULL,
    last_status      INT           NULL,
    last_error       VARCHAR(2000),
    sent_at          TIMESTAMP(6)  NULL,
    CONSTRAINT uk_score_once UNIQUE (course_id, person_id, item_key),
    INDEX ix_score_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
