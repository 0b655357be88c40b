-- Background jobs: the user-facing record (as the Open Karaoke Studio front end shows it) and the
-- queue itself. A node claims a pending job with one conditional UPDATE, keeps heartbeat_at_ms
-- fresh while it runs it, and a job whose heartbeat stopped (its node died) is recovered.
CREATE TABLE jobs (
    id               VARCHAR(36)   PRIMARY KEY,
    kind             VARCHAR(32)   NOT NULL,
    filename         VARCHAR(255),
    status           VARCHAR(16)   NOT NULL,
    progress         INTEGER       NOT NULL,
    status_message   VARCHAR(500),
    song_id          VARCHAR(36),
    title            VARCHAR(500),
    artist           VARCHAR(500),
    payload          TEXT          NOT NULL,
    notes            TEXT,
    error            VARCHAR(2000),
    dismissed        BOOLEAN       NOT NULL,
    cancel_requested BOOLEAN       NOT NULL,
    attempts         INTEGER       NOT NULL,
    claimed_by       VARCHAR(64),
    heartbeat_at_ms  BIGINT,
    created_at_ms    BIGINT        NOT NULL,
    started_at_ms    BIGINT,
    completed_at_ms  BIGINT
);

CREATE INDEX jobs_queue ON jobs (status, created_at_ms);
