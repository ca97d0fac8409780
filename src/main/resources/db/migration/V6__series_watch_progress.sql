-- series: how far each person has watched each CFDS recording. One row per person and
-- recording; watched_at, once set, is never cleared, and records the curriculum content hash
-- in force at that moment.
CREATE TABLE series_watch_progress (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id     BIGINT       NOT NULL,
    recording_id  VARCHAR(100) NOT NULL,
    course_id     BIGINT,
    position      INT          NOT NULL,
    duration      INT          NOT NULL,
    watched_at    TIMESTAMP(6),
    content_hash  CHAR(64),
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_series_watch_progress UNIQUE (person_id, recording_id),
    CONSTRAINT fk_series_watch_progress_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_series_watch_progress_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
