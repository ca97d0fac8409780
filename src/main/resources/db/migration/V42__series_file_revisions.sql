-- series: the sessions of curriculum/series/ as the tool last saw them. When a file's session
-- changes (its date, time, title, join link...), its fingerprint changes and sequence rises,
-- so calendars that subscribed to the feed see the change (RFC 5545 SEQUENCE).
CREATE TABLE series_file_revision (
    session_id   VARCHAR(100)  NOT NULL PRIMARY KEY,
    fingerprint  CHAR(64)      NOT NULL,
    sequence     INT           NOT NULL,
    changed_at   TIMESTAMP(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
