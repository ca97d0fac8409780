-- ShedLock's table (JdbcTemplateLockProvider): one row per scheduled job that must run on one
-- instance at a time; the row is held until lock_until. See docs/operations.md, Scaling out.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;
