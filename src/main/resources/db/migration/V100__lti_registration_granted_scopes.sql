-- The services a platform actually granted at Dynamic Registration (the "scope" of its
-- answer), space-separated. NULL where nobody knows (a manual developer key, a file): the
-- tool then assumes the scopes the key asks for.
ALTER TABLE lti_registration
    ADD COLUMN granted_scopes VARCHAR(2000) NULL;
