-- Platform identities compare exactly: 'Alice', 'alice' and 'alicé' are three people, and a
-- trailing space is part of an id. The default collation (utf8mb4_unicode_ci) folds all three.
ALTER TABLE person
    MODIFY issuer  VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY subject VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE course
    MODIFY issuer     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY context_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE lti_registration
    MODIFY issuer    VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY client_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE lti_deployment
    MODIFY deployment_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE lti_login_state
    MODIFY state CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    MODIFY nonce CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE lti_used_nonce
    MODIFY nonce VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
