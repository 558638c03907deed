-- Every milestone as it stands, and every move of it: the slippage history of status reports.
CREATE TABLE milestone_state (
    plan_id        VARCHAR(255) NOT NULL,
    milestone_id   VARCHAR(255) NOT NULL,
    association_id VARCHAR(255) NOT NULL,
    name           TEXT         NOT NULL,
    target_date    DATE,
    forecast_date  DATE,
    status         VARCHAR(1)   NOT NULL,
    removed        BOOLEAN      NOT NULL DEFAULT false,
    PRIMARY KEY (plan_id, milestone_id)
);

CREATE TABLE milestone_move (
    event_id        UUID         PRIMARY KEY,
    plan_id         VARCHAR(255) NOT NULL,
    milestone_id    VARCHAR(255) NOT NULL,
    association_id  VARCHAR(255) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('ADDED', 'FORECAST', 'TARGET', 'STATUS')),
    previous_date   DATE,
    new_date        DATE,
    previous_status VARCHAR(1),
    new_status      VARCHAR(1),
    reason          TEXT,
    -- Forecast minus target, in days, after this move (null while either is unknown).
    slip_days       INTEGER
);
CREATE INDEX milestone_move_by_plan ON milestone_move (plan_id, milestone_id, occurred_at);
