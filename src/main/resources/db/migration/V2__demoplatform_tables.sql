-- demoplatform: the demo LTI platform's own records (its keys, the tools registered with it,
-- the registration tokens it issued and the launches it prepared). Nothing of the tool's.

-- Signing keys, as JWK JSON including the private part; the oldest one signs.
CREATE TABLE demo_platform_key (
    kid           VARCHAR(64)  NOT NULL PRIMARY KEY,
    jwk           TEXT         NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Dynamic registration tokens: single use, short lived; only a hash of each is kept.
CREATE TABLE demo_registration_token (
    token_hash    CHAR(64)     NOT NULL PRIMARY KEY,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    used_at       TIMESTAMP(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A tool registered through dynamic registration: one client and its one deployment.
CREATE TABLE demo_tool_registration (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id           VARCHAR(64)   NOT NULL,
    deployment_id       VARCHAR(64)   NOT NULL,
    tool_origin         VARCHAR(255)  NOT NULL,
    client_name         VARCHAR(255),
    initiate_login_uri  VARCHAR(2048) NOT NULL,
    target_link_uri     VARCHAR(2048) NOT NULL,
    jwks_uri            VARCHAR(2048) NOT NULL,
    redirect_uris       TEXT          NOT NULL,
    configuration       MEDIUMTEXT    NOT NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_demo_tool_registration_client UNIQUE (client_id),
    INDEX ix_demo_tool_registration_origin (tool_origin, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A launch prepared by a course page, named by the opaque lti_message_hint it sent.
CREATE TABLE demo_launch (
    message_hint      VARCHAR(64)  NOT NULL PRIMARY KEY,
    person_id         VARCHAR(64)  NOT NULL,
    course_id         VARCHAR(64)  NOT NULL,
    resource_link_id  VARCHAR(255) NOT NULL,
    placement         VARCHAR(64)  NOT NULL,
    client_id         VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    expires_at        TIMESTAMP(6) NOT NULL,
    INDEX ix_demo_launch_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
