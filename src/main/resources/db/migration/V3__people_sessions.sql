-- people: signed-in sessions, created by a verified launch. Kept in the database so that
-- any instance can serve any request (no sticky sessions).
CREATE TABLE access_session (
    token_hash    CHAR(64)     NOT NULL PRIMARY KEY,
    person_id     BIGINT       NOT NULL,
    course_id     BIGINT,
    course_roles  VARCHAR(255) NOT NULL,
    program_role  VARCHAR(32),
    context_json  TEXT         NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    KEY ix_access_session_expires (expires_at),
    CONSTRAINT fk_access_session_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
