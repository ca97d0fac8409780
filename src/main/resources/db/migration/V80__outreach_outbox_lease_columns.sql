-- outreach: the email outbox and the score outbox share one delivery mechanism, which names
-- the lease columns as lti_score does; the error column holds as much as lti_score's.
ALTER TABLE outreach_outbox
    RENAME COLUMN claimed_until TO locked_until,
    RENAME COLUMN claimed_by TO locked_by,
    MODIFY COLUMN last_error VARCHAR(2000);
