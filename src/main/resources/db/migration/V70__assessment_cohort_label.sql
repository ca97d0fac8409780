-- assessment: the label of a course's own cohort (e.g. '2025-2026'), shown beside the earlier
-- cohorts imported into the course when staff compare cohorts over years. No row: the page
-- shows a default ("This course"). Same length as assessment_response.cohort.
CREATE TABLE assessment_cohort_label (
    course_id   BIGINT       NOT NULL PRIMARY KEY,
    label       VARCHAR(32)  NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_assessment_cohort_label_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
