-- people: who arrives from a platform, in which course, with which roles.
CREATE TABLE person (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    issuer        VARCHAR(255) NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    display_name  VARCHAR(255),
    email         VARCHAR(320),
    created_at    TIMESTAMP(6) NOT NULL,
    last_seen_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_person_identity UNIQUE (issuer, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    issuer        VARCHAR(255) NOT NULL,
    context_id    VARCHAR(255) NOT NULL,
    title         VARCHAR(255),
    label         VARCHAR(255),
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_course_context UNIQUE (issuer, context_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE membership (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id     BIGINT       NOT NULL,
    course_id     BIGINT       NOT NULL,
    course_roles  VARCHAR(255) NOT NULL,
    program_role  VARCHAR(32),
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_membership UNIQUE (person_id, course_id),
    CONSTRAINT fk_membership_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_membership_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
