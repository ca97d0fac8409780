-- curriculum: per-course configuration of the program. No row means the defaults (visible,
-- required for sessions and exercises, no dates). These tables hold settings only; changing
-- them never touches what learners did (reflection, completion, watch progress).
-- Dates are calendar dates in the course's time zone (coachapproach.curriculum.time-zone).

CREATE TABLE curriculum_item_settings (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT       NOT NULL,
    item_type   VARCHAR(16)  NOT NULL,
    item_id     VARCHAR(100) NOT NULL,
    visible     BOOLEAN      NOT NULL DEFAULT TRUE,
    required    BOOLEAN      NOT NULL DEFAULT TRUE,
    release_at  DATE         NULL,
    due_at      DATE         NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_curriculum_item_settings UNIQUE (course_id, item_type, item_id),
    CONSTRAINT ck_curriculum_item_settings_type CHECK (item_type IN ('SESSION', 'EXERCISE', 'RECORDING')),
    CONSTRAINT ck_curriculum_item_settings_dates CHECK (due_at IS NULL OR release_at IS NULL OR due_at >= release_at),
    CONSTRAINT fk_curriculum_item_settings_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per configured course; also the row a change locks, so changes to a course queue up.
CREATE TABLE curriculum_course_settings (
    course_id          BIGINT       NOT NULL PRIMARY KEY,
    meet_mentees_from  DATE         NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_curriculum_course_settings_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who changed what, when: one row per changed field. item_type and item_id are NULL for a
-- course-wide field (meet_mentees_from).
CREATE TABLE curriculum_settings_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    item_type   VARCHAR(16)  NULL,
    item_id     VARCHAR(100) NULL,
    field       VARCHAR(32)  NOT NULL,
    old_value   VARCHAR(32)  NULL,
    new_value   VARCHAR(32)  NULL,
    KEY ix_curriculum_settings_change_course (course_id, changed_at),
    CONSTRAINT fk_curriculum_settings_change_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_curriculum_settings_change_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
