-- assessment: an import of an earlier survey export runs as a job (issue 13).
--
-- Staff confirm an import; the tool checks the whole file, then writes its rows in one
-- transaction while it counts progress here in short transactions of their own, so a status
-- page (on any instance) can show how far it is. A job still RUNNING whose updated_at is
-- minutes old died with its instance: its rows were never committed. The row stays as the
-- record of the import: which cohort, wave and items it asked (not_asked: the instrument's
-- answer keys the file had no column for, comma-separated), who started it and what came of it.
CREATE TABLE assessment_import_job (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id      BIGINT        NOT NULL,
    cohort         VARCHAR(32)   NOT NULL,
    instrument_id  VARCHAR(64)   NOT NULL,
    wave           VARCHAR(16)   NOT NULL,
    rows_total     INT           NOT NULL,
    rows_done      INT           NOT NULL DEFAULT 0,
    status         VARCHAR(16)   NOT NULL,
    imported       INT           NULL,
    not_asked      TEXT          NOT NULL,
    problem        TEXT          NULL,
    started_by     BIGINT        NOT NULL,
    started_at     TIMESTAMP(6)  NOT NULL,
    updated_at     TIMESTAMP(6)  NOT NULL,
    finished_at    TIMESTAMP(6)  NULL,
    CONSTRAINT ck_assessment_import_job_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT fk_assessment_import_job_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_assessment_import_job_person FOREIGN KEY (started_by) REFERENCES person (id),
    INDEX ix_assessment_import_job_course (course_id, cohort, instrument_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
