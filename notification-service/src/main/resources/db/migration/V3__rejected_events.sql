-- Records the intake could not apply (unreadable, or failing again and again): kept, not lost,
-- for someone to look at; the intake goes on with the next record.
CREATE TABLE rejected_event (
    id          BIGSERIAL    PRIMARY KEY,
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    "offset"    BIGINT       NOT NULL,
    record_key  TEXT,
    value       BYTEA,
    error       TEXT         NOT NULL,
    rejected_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (topic, partition, "offset")
);
