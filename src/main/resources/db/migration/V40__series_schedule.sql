-- series: the CFDS schedule as staff edit it. A row overrides the session with the same id
-- in curriculum/series/ (or adds a new one). sequence counts the changes calendars must see
-- (RFC 5545 SEQUENCE); a recording is stored only with the presenter's permission.
CREATE TABLE series_schedule (
    session_id            VARCHAR(100)  NOT NULL PRIMARY KEY,
    academic_year         CHAR(9)       NOT NULL,
    session_date          DATE          NOT NULL,
    start_time            TIME          NOT NULL,
    time_zone             VARCHAR(64)   NOT NULL,
    duration_minutes      INT           NOT NULL,
    title                 VARCHAR(255)  NOT NULL,
    category              VARCHAR(40)   NOT NULL,
    presenter             VARCHAR(255)  NOT NULL,
    summary               TEXT          NOT NULL,
    join_url              VARCHAR(1000),
    permission_to_record  BOOLEAN       NOT NULL,
    cancelled             BOOLEAN       NOT NULL DEFAULT FALSE,
    recording_url         VARCHAR(1000),
    captions              VARCHAR(20)   NOT NULL,
    captions_url          VARCHAR(1000),
    transcript_url        VARCHAR(1000),
    sequence              INT           NOT NULL DEFAULT 0,
    updated_at            TIMESTAMP(6)  NOT NULL,
    updated_by            BIGINT,
    CONSTRAINT ck_series_schedule_permission CHECK (recording_url IS NULL OR permission_to_record)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
