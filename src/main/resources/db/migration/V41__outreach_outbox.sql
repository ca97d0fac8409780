-- outreach: the durable email outbox. One row per reminder and recipient: the unique
-- (dedup_key, recipient) makes a reminder queued twice a no-op, so it is never sent twice.
CREATE TABLE outreach_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedup_key        VARCHAR(200)  NOT NULL,
    recipient        VARCHAR(320)  NOT NULL,
    recipient_name   VARCHAR(255),
    person_id        BIGINT,
    kind             VARCHAR(40)   NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    text_body        MEDIUMTEXT    NOT NULL,
    html_body        MEDIUMTEXT    NOT NULL,
    unsubscribe_url  VARCHAR(1000) NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP(6)  NOT NULL,
    claimed_until    TIMESTAMP(6),
    claimed_by       CHAR(36),
    last_error       VARCHAR(1000),
    queued_at        TIMESTAMP(6)  NOT NULL,
    sent_at          TIMESTAMP(6),
    CONSTRAINT uk_outreach_outbox UNIQUE (dedup_key, recipient),
    INDEX ix_outreach_outbox_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who said "no more of this kind" (by address: faculty-list people need not have used the tool).
CREATE TABLE outreach_unsubscribe (
    recipient        VARCHAR(320)  NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    unsubscribed_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (recipient, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff switches per kind; a kind without a row is on.
CREATE TABLE outreach_kind_switch (
    kind         VARCHAR(40)   NOT NULL PRIMARY KEY,
    enabled      BOOLEAN       NOT NULL,
    changed_at   TIMESTAMP(6)  NOT NULL,
    changed_by   BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Server-held keys (unsubscribe links, feed tokens), made once and shared by every instance.
CREATE TABLE outreach_secret (
    name        VARCHAR(40)   NOT NULL PRIMARY KEY,
    secret      CHAR(64)      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The imported list of all clinical faculty (replaced whole by each import).
CREATE TABLE outreach_faculty (
    email        VARCHAR(320)  NOT NULL PRIMARY KEY,
    name         VARCHAR(255)  NOT NULL,
    division     VARCHAR(255)  NOT NULL,
    faculty_rank VARCHAR(20)   NOT NULL,
    imported_at  TIMESTAMP(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Personal calendar feed tokens: HMAC(server key, person and generation), so the tool can show
-- the address again without storing it; looked up by SHA-256. A reset raises the generation
-- and keeps the old row (retired) so its address answers "reset" (410) rather than "unknown".
CREATE TABLE outreach_feed_token (
    token_hash   CHAR(64)      NOT NULL PRIMARY KEY,
    person_id    BIGINT        NOT NULL,
    generation   INT           NOT NULL,
    created_at   TIMESTAMP(6)  NOT NULL,
    retired_at   TIMESTAMP(6),
    INDEX ix_outreach_feed_token_person (person_id, retired_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
