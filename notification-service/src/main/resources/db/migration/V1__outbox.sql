CREATE TABLE consumer_position (
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

CREATE TABLE aggregate_position (
    aggregate_id  VARCHAR(255) PRIMARY KEY,
    last_sequence BIGINT       NOT NULL
);

-- Every email, from queued to sent; idempotency_key is (event, kind, recipient).
CREATE TABLE outbound_email (
    id              BIGSERIAL    PRIMARY KEY,
    idempotency_key VARCHAR(512) NOT NULL UNIQUE,
    association_id  VARCHAR(255) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    subject         TEXT         NOT NULL,
    body_text       TEXT         NOT NULL,
    body_html       TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'REJECTED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    smtp_message_id VARCHAR(512),
    last_error      TEXT
);
CREATE INDEX outbound_email_due ON outbound_email (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbound_email_by_association ON outbound_email (association_id, id DESC);
