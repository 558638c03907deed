-- Where the consumer is: per partition, and per aggregate (to drop an event read a second time).
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

CREATE TABLE plan_overview (
    plan_id        VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    period_start   DATE,
    period_end     DATE,
    status         VARCHAR(32)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_overview_by_association ON plan_overview (association_id, created_at DESC);

CREATE TABLE activity_overview (
    activity_id    VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    plan_id        VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    due_date       DATE,
    status         VARCHAR(32)  NOT NULL
);
CREATE INDEX activity_overview_by_plan ON activity_overview (plan_id);
