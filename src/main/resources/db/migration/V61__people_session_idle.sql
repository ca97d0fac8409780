-- Sessions end after an idle time too, not only at their absolute lifetime.
ALTER TABLE access_session
    ADD COLUMN last_used_at TIMESTAMP(6) NULL;
UPDATE access_session SET last_used_at = created_at;
ALTER TABLE access_session
    MODIFY last_used_at TIMESTAMP(6) NOT NULL,
    ADD KEY ix_access_session_last_used (last_used_at);
