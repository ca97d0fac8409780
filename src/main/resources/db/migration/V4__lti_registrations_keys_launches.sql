-- lti: platforms the tool trusts, the tool's own keys, and launches in flight.
CREATE TABLE lti_registration (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    issuer                 VARCHAR(255)  NOT NULL,
    client_id              VARCHAR(255)  NOT NULL,
    platform_name          VARCHAR(255),
    auth_endpoint          VARCHAR(1000) NOT NULL,
    token_endpoint         VARCHAR(1000),
    jwks_url               VARCHAR(1000) NOT NULL,
    allow_new_deployments  BOOLEAN       NOT NULL DEFAULT FALSE,
    frame_origins          VARCHAR(2000) NOT NULL DEFAULT '',
    source                 VARCHAR(32)   NOT NULL,
    created_at             TIMESTAMP(6)  NOT NULL,
    updated_at             TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_lti_registration UNIQUE (issuer, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lti_deployment (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    registration_id  BIGINT       NOT NULL,
    deployment_id    VARCHAR(255) NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_lti_deployment UNIQUE (registration_id, deployment_id),
    CONSTRAINT fk_lti_deployment_registration FOREIGN KEY (registration_id) REFERENCES lti_registration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lti_tool_key (
    kid          VARCHAR(64)  NOT NULL PRIMARY KEY,
    private_jwk  TEXT         NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    retired_at   TIMESTAMP(6) NULL,
    KEY ix_lti_tool_key_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per OIDC login initiation: single use, short-lived, readable by every instance.
CREATE TABLE lti_login_state (
    state            CHAR(43)      NOT NULL PRIMARY KEY,
    nonce            CHAR(43)      NOT NULL,
    registration_id  BIGINT        NOT NULL,
    login_hint       VARCHAR(1000) NOT NULL,
    message_hint     VARCHAR(2000),
    target_link_uri  VARCHAR(1000) NOT NULL,
    deployment_id    VARCHAR(255),
    storage_target   VARCHAR(255),
    pending_launch   MEDIUMTEXT    NULL,
    expires_at       TIMESTAMP(6)  NOT NULL,
    KEY ix_lti_login_state_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Nonces of id_tokens whose signature verified, accepted or refused: never accepted twice.
CREATE TABLE lti_used_nonce (
    nonce       VARCHAR(255) NOT NULL PRIMARY KEY,
    expires_at  TIMESTAMP(6) NOT NULL,
    KEY ix_lti_used_nonce_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
