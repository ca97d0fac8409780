-- assessment: every reported figure's respondents grow only in steps of five (see docs/confidentiality.md).
--
-- Release batches are per wave, but a figure rests on a combination of waves (a pre/post pair)
-- or of a wave and demographics (a subgroup row): one wave's batch of five may add a single
-- person to such a figure, and the difference of two reports would show that person's answers.
-- So each figure remembers the respondents who answered in the tool that it has been published
-- over; a report counts only them until at least five more in-tool respondents are eligible,
-- and then all of them. Imported and synthetic rows are not recorded: they always count.
--
-- comparison: the waves a figure compares ('pre/post', 'pre/followup') or the one wave it
--   describes ('post')
-- cell: the respondents it is over: '' for all, else the subgroup question(s) and group(s),
--   e.g. 'gender-identity=woman' or 'gender-identity=woman&rank=professor'
-- figure: '' for the cell's count of respondents, else the item or scale score
-- No time is kept, on purpose: only membership.
CREATE TABLE assessment_published_cell (
    course_id      BIGINT        NOT NULL,
    instrument_id  VARCHAR(64)   NOT NULL,
    comparison     VARCHAR(40)   NOT NULL,
    cell           VARCHAR(200)  NOT NULL,
    figure         VARCHAR(100)  NOT NULL,
    respondent     BINARY(32)    NOT NULL,
    PRIMARY KEY (course_id, instrument_id, comparison, cell, figure, respondent),
    CONSTRAINT fk_assessment_published_cell_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per course, instrument and comparison, written by every publication: two instances
-- publishing at once queue on it (or, on Galera, one fails certification), so each decides
-- against the sets the other committed and they never publish two different sets.
CREATE TABLE assessment_publication (
    course_id      BIGINT        NOT NULL,
    instrument_id  VARCHAR(64)   NOT NULL,
    comparison     VARCHAR(40)   NOT NULL,
    publications   INT           NOT NULL,
    PRIMARY KEY (course_id, instrument_id, comparison),
    CONSTRAINT fk_assessment_publication_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
