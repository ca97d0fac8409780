-- progress: an observer's ratings of a colleague's whole coaching conversation in the
-- session 7 capstone, one row per ICF competency. Written by a mentor of the course about
-- another mentor of the same course, once per exercise; never changed afterwards.
-- rating: 0 not observed, 1 emerging, 2 developing, 3 consistent.
CREATE TABLE competency_rating (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id     BIGINT       NOT NULL,
    exercise_id   VARCHAR(100) NOT NULL,
    observer_id   BIGINT       NOT NULL,
    mentor_id     BIGINT       NOT NULL,
    competency_id VARCHAR(64)  NOT NULL,
    rating        TINYINT      NOT NULL,
    rated_at      TIMESTAMP(6) NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    UNIQUE KEY uq_competency_rating (course_id, exercise_id, observer_id, mentor_id, competency_id),
    KEY ix_competency_rating_mentor (course_id, mentor_id),
    CONSTRAINT ck_competency_rating_value CHECK (rating BETWEEN 0 AND 3),
    CONSTRAINT ck_competency_rating_not_self CHECK (observer_id <> mentor_id),
    CONSTRAINT fk_competency_rating_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_competency_rating_observer FOREIGN KEY (observer_id) REFERENCES person (id),
    CONSTRAINT fk_competency_rating_mentor FOREIGN KEY (mentor_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
