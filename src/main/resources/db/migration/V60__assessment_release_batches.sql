-- assessment: answers given in the tool enter reports in batches (see docs/confidentiality.md).
--
-- A wave's answers given in the tool count in no figure until they are released, and they are
-- released together: once the wave's window is not open and at least five submitted responses
-- of that wave are unreleased, all of them become the next batch. A released response keeps
-- its batch for good, whatever staff later do to the windows, so two reports never differ by
-- fewer than five people's answers. There is no time here, on purpose: only the order.

-- One row per batch; the key lets only one instance release a given batch number.
CREATE TABLE assessment_release (
    course_id      BIGINT       NOT NULL,
    instrument_id  VARCHAR(64)  NOT NULL,
    wave           VARCHAR(16)  NOT NULL,
    batch          INT          NOT NULL,
    respondents    INT          NOT NULL,
    PRIMARY KEY (course_id, instrument_id, wave, batch),
    CONSTRAINT ck_assessment_release_size CHECK (respondents >= 5),
    CONSTRAINT fk_assessment_release_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The batch a response given in the tool was released in; NULL while held (imported and
-- synthetic rows are never held and keep NULL).
ALTER TABLE assessment_response ADD COLUMN release_batch INT NULL;
CREATE INDEX ix_assessment_response_held
    ON assessment_response (course_id, instrument_id, wave, origin, release_batch);
