-- Who is creating an item's gradebook column in a course, until when. A committed row is the
-- one claim across instances and Galera nodes (a write-write race fails certification), so two
-- workers never both create the column; a lapsed claim (its holder died) is taken over.
CREATE TABLE lti_line_item_creation (
    course_id        BIGINT        NOT NULL,
    item_key         VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    holder           CHAR(36)      CHARACTER SET ascii NOT NULL,
    claimed_until    TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (course_id, item_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
