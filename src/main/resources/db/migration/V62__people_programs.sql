-- people: programs (tenants). Everything above the course (the CFDS schedule and its
-- attendance, the faculty list, email switches and outbox, calendar feeds) belongs to a
-- program, and a program to one platform registration: issuer AND client id, since Canvas
-- cloud uses one issuer for every institution. A program is made at the first launch through
-- its registration; people owns it and never reads lti's tables at run time.
CREATE TABLE program (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    issuer      VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_id   VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name        VARCHAR(255),
    created_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_program_registration UNIQUE (issuer, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Existing data: one program per registration, numbered in the registrations' order, so the
-- program of the first registration (lowest id) has the lowest program id.
INSERT INTO program (issuer, client_id, name, created_at)
SELECT issuer, client_id, platform_name, created_at FROM lti_registration ORDER BY id;

-- A course belongs to the program of the registration that first launched it. Which one that
-- was is not recorded: an existing course goes to the program of its issuer's registration,
-- the one with the lowest id where several registrations share the issuer. A course whose
-- issuer has no registration (left by a deleted one) stays without a program: no program
-- page shows it and no program mail reaches its roster.
ALTER TABLE course ADD COLUMN program_id BIGINT NULL,
    ADD CONSTRAINT fk_course_program FOREIGN KEY (program_id) REFERENCES program (id);
UPDATE course c SET c.program_id = (SELECT MIN(p.id) FROM program p WHERE p.issuer = c.issuer);

-- Institution administrators (by the launch) and those they granted are program staff. The
-- grant is read on every request, so a revoke takes effect at once; the log keeps who
-- granted or revoked whom, and when, after the grant itself is gone.
CREATE TABLE program_staff_grant (
    program_id  BIGINT        NOT NULL,
    person_id   BIGINT        NOT NULL,
    granted_by  BIGINT        NOT NULL,
    granted_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (program_id, person_id),
    CONSTRAINT fk_program_staff_grant_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT fk_program_staff_grant_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_program_staff_grant_by FOREIGN KEY (granted_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE program_staff_grant_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    program_id  BIGINT        NOT NULL,
    person_id   BIGINT        NOT NULL,
    action      VARCHAR(8)    NOT NULL,
    acted_by    BIGINT        NOT NULL,
    acted_at    TIMESTAMP(6)  NOT NULL,
    KEY ix_program_staff_grant_log (program_id, id),
    CONSTRAINT ck_program_staff_grant_log_action CHECK (action IN ('GRANT', 'REVOKE')),
    CONSTRAINT fk_program_staff_grant_log_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session belongs to the program of the registration it was launched from. Sessions started
-- before programs existed do not say which registration that was: they end (people launch
-- again, as after the session lifetime).
DELETE FROM access_session;
ALTER TABLE access_session
    ADD COLUMN program_id BIGINT NOT NULL,
    ADD COLUMN institution_administrator BOOLEAN NOT NULL DEFAULT FALSE;
