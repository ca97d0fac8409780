-- An institution administrator can revoke a deployment of their registration, or the
-- registration itself: launches through it are refused from then on. The rows stay (with
-- who and when), so the platform cannot quietly add a revoked deployment back.
ALTER TABLE lti_registration
    ADD COLUMN revoked_at TIMESTAMP(6) NULL,
    ADD COLUMN revoked_by BIGINT NULL;
ALTER TABLE lti_deployment
    ADD COLUMN revoked_at TIMESTAMP(6) NULL,
    ADD COLUMN revoked_by BIGINT NULL;
