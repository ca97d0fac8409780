-- progress: what each person did in a course. The curriculum content hash in force is kept
-- with every row, so later edits to the content never change the meaning of past work.
-- Per-course configuration (release, required items) and the staff dashboard read these
-- tables by (course_id, item) and add their own tables; they never rewrite these rows.

-- A person's reflection on an exercise: a draft saved as they type, then the submitted text.
CREATE TABLE reflection (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id      BIGINT       NOT NULL,
    course_id      BIGINT       NOT NULL,
    exercise_id    VARCHAR(100) NOT NULL,
    draft_text     MEDIUMTEXT,
    submitted_text MEDIUMTEXT,
    submitted_at   TIMESTAMP(6) NULL DEFAULT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    content_hash   CHAR(64)     NOT NULL,
    UNIQUE KEY uq_reflection (person_id, course_id, exercise_id),
    KEY ix_reflection_course (course_id, exercise_id),
    CONSTRAINT fk_reflection_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_reflection_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An observer's checklist for a colleague in a triad: the observer's own record, naming the
-- colleague as they typed it (colleagues need not be in the tool).
CREATE TABLE observer_checklist (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id     BIGINT       NOT NULL,
    course_id     BIGINT       NOT NULL,
    exercise_id   VARCHAR(100) NOT NULL,
    colleague     VARCHAR(200) NOT NULL,
    checked_items VARCHAR(255) NOT NULL,
    notes         TEXT,
    updated_at    TIMESTAMP(6) NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    UNIQUE KEY uq_observer_checklist (person_id, course_id, exercise_id, colleague),
    CONSTRAINT fk_observer_checklist_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_observer_checklist_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per person, course and completed item; recorded once, never updated.
CREATE TABLE completion (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id    BIGINT       NOT NULL,
    course_id    BIGINT       NOT NULL,
    item_type    VARCHAR(16)  NOT NULL,
    item_id      VARCHAR(100) NOT NULL,
    completed_at TIMESTAMP(6) NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    UNIQUE KEY uq_completion (person_id, course_id, item_type, item_id),
    KEY ix_completion_course_item (course_id, item_type, item_id),
    CONSTRAINT ck_completion_item_type CHECK (item_type IN ('SESSION', 'EXERCISE', 'RECORDING')),
    CONSTRAINT fk_completion_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_completion_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
