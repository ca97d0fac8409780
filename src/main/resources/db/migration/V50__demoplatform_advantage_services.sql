-- demoplatform: the platform's end of LTI Advantage (deep linking, assignment and grade
-- services, names and roles): the access tokens it issued, the single-use values it has seen,
-- the deep-linking requests it sent, the course items and gradebook the tool filled.

-- What a launch prepared by a course page sends: a resource link (of the course or of an item) or a deep-linking request.
ALTER TABLE demo_launch
    ADD COLUMN message_type VARCHAR(32) NOT NULL DEFAULT 'LtiResourceLinkRequest',
    ADD COLUMN item_id      VARCHAR(64) NULL;

-- OAuth 2.0 access tokens for the services, granted to a client for some scopes; only a hash is kept.
CREATE TABLE demo_access_token (
    token_hash    CHAR(64)     NOT NULL PRIMARY KEY,
    client_id     VARCHAR(64)  NOT NULL,
    scopes        TEXT         NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    INDEX ix_demo_access_token_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Values a tool may use once: client assertion jti, deep-linking response nonce; kept until their JWT expires.
CREATE TABLE demo_used_value (
    kind          VARCHAR(16)  NOT NULL,
    client_id     VARCHAR(64)  NOT NULL,
    used_value    VARCHAR(255) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (kind, client_id, used_value),
    INDEX ix_demo_used_value_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A deep-linking request sent to the tool, named by the opaque data the response must echo.
CREATE TABLE demo_deep_link_request (
    data          VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_id     VARCHAR(64)  NOT NULL,
    person_id     VARCHAR(64)  NOT NULL,
    course_id     VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    INDEX ix_demo_deep_link_request_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The gradebook's columns (AGS line items).
CREATE TABLE demo_line_item (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id         VARCHAR(64)   NOT NULL,
    client_id         VARCHAR(64)   NOT NULL,
    label             VARCHAR(255)  NOT NULL,
    score_maximum     DOUBLE        NOT NULL,
    resource_id       VARCHAR(255)  NULL,
    tag               VARCHAR(255)  NULL,
    resource_link_id  VARCHAR(255)  NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    INDEX ix_demo_line_item_course (course_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Links to the tool placed in the course by deep linking, each its own resource link.
CREATE TABLE demo_course_item (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    course_id         VARCHAR(64)   NOT NULL,
    client_id         VARCHAR(64)   NOT NULL,
    resource_link_id  VARCHAR(64)   NOT NULL,
    title             VARCHAR(255)  NOT NULL,
    text              TEXT          NULL,
    url               VARCHAR(2048) NOT NULL,
    custom            TEXT          NOT NULL,
    line_item_id      BIGINT        NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_demo_course_item_link UNIQUE (resource_link_id),
    CONSTRAINT fk_demo_course_item_line_item FOREIGN KEY (line_item_id) REFERENCES demo_line_item (id) ON DELETE SET NULL,
    INDEX ix_demo_course_item_course (course_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every score the platform accepted, oldest first; a user's result is their latest.
CREATE TABLE demo_score (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    line_item_id       BIGINT        NOT NULL,
    user_id            VARCHAR(255)  NOT NULL,
    score_given        DOUBLE        NULL,
    score_maximum      DOUBLE        NULL,
    comment            TEXT          NULL,
    activity_progress  VARCHAR(32)   NOT NULL,
    grading_progress   VARCHAR(32)   NOT NULL,
    score_timestamp    TIMESTAMP(6)  NOT NULL,
    submission         TEXT          NULL,
    received_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_demo_score_line_item FOREIGN KEY (line_item_id) REFERENCES demo_line_item (id) ON DELETE CASCADE,
    INDEX ix_demo_score_user (line_item_id, user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
