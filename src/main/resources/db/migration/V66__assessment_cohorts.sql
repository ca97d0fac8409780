-- assessment: cohorts over years (see docs/confidentiality.md and the survey import).
--
-- A program runs every year. A course's own cohort is the one that answers in the tool (and
-- the demo's synthetic one): cohort ''. Staff may import earlier cohorts' exports into the
-- course under a label, for example '2022-2023'; those rows never enter the course's own
-- report, only the comparison of cohorts. The same respondent code may appear in two cohorts.
ALTER TABLE assessment_response ADD COLUMN cohort VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE assessment_response DROP INDEX uq_assessment_response,
    ADD CONSTRAINT uq_assessment_response UNIQUE (course_id, instrument_id, respondent, wave, cohort);

-- A figure of another cohort is published under its own comparison ('pre/post@2022-2023').
ALTER TABLE assessment_published_cell MODIFY comparison VARCHAR(80) NOT NULL;
ALTER TABLE assessment_publication MODIFY comparison VARCHAR(80) NOT NULL;
