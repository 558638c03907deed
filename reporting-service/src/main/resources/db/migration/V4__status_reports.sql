-- Projections (rebuilt from Kafka: see intake.Rebuild) -------------------------------------------

ALTER TABLE plan_overview ADD COLUMN owner_id VARCHAR(255);

-- Every occurrence of every activity with its status: results, planned actions and statistics.
CREATE TABLE activity_detail (
    activity_id    VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    plan_id        VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    channel        TEXT,
    budget_sek     NUMERIC(15, 2)
);
CREATE INDEX activity_detail_by_plan ON activity_detail (plan_id);

CREATE TABLE activity_occurrence (
    activity_id    VARCHAR(255) NOT NULL,
    occurrence_id  VARCHAR(255) NOT NULL,
    association_id VARCHAR(255) NOT NULL,
    plan_id        VARCHAR(255) NOT NULL,
    due_date       DATE,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'POSTPONED', 'CANCELLED')),
    done_on        DATE,
    outcome        TEXT,
    cost_sek       NUMERIC(15, 2),
    -- false once a new schedule no longer gives this occurrence
    scheduled      BOOLEAN      NOT NULL DEFAULT true,
    PRIMARY KEY (activity_id, occurrence_id)
);
CREATE INDEX activity_occurrence_by_plan ON activity_occurrence (plan_id, due_date);
CREATE INDEX activity_occurrence_done ON activity_occurrence (plan_id, done_on) WHERE status = 'DONE';

-- Partner associations that may read a plan: the portfolio.
CREATE TABLE plan_partner (
    plan_id                VARCHAR(255) NOT NULL,
    partner_association_id VARCHAR(255) NOT NULL,
    access                 VARCHAR(16)  NOT NULL,
    PRIMARY KEY (plan_id, partner_association_id)
);
CREATE INDEX plan_partner_by_partner ON plan_partner (partner_association_id);

-- A plan's risks as they stand: the risks of a report draft.
CREATE TABLE plan_risk (
    plan_id     VARCHAR(255) NOT NULL,
    risk_id     VARCHAR(255) NOT NULL,
    description TEXT         NOT NULL,
    mitigation  TEXT,
    likelihood  INTEGER,
    impact      INTEGER,
    added_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (plan_id, risk_id)
);

-- Status reports: this service's own write model, never dropped by a rebuild ----------------------

-- Which reports a plan owes, when: monthly to the funder, quarterly to the steering group, a final report.
CREATE TABLE report_cadence (
    cadence_id      VARCHAR(64)  NOT NULL,
    plan_id         VARCHAR(255) NOT NULL,
    association_id  VARCHAR(255) NOT NULL,
    recipient       TEXT         NOT NULL,
    frequency       VARCHAR(16)  NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'FINAL')),
    due_days        INTEGER      NOT NULL CHECK (due_days BETWEEN 0 AND 366),
    owner_id        VARCHAR(255) NOT NULL,
    starts_on       DATE         NOT NULL,
    ends_on         DATE         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, cadence_id)
);
CREATE INDEX report_cadence_by_association ON report_cadence (association_id);

CREATE TABLE status_report (
    report_id          VARCHAR(400) PRIMARY KEY,
    association_id     VARCHAR(255) NOT NULL,
    plan_id            VARCHAR(255) NOT NULL,
    cadence_id         VARCHAR(64)  NOT NULL,
    title              TEXT         NOT NULL,
    recipient          TEXT,
    period_kind        VARCHAR(16)  NOT NULL,
    period_start       DATE         NOT NULL,
    period_end         DATE         NOT NULL,
    previous_report_id VARCHAR(400),
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    content            JSONB        NOT NULL,
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    created_by         VARCHAR(255) NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    submitted_at       TIMESTAMPTZ,
    submitted_by       VARCHAR(255)
);
CREATE INDEX status_report_by_plan ON status_report (plan_id, period_start DESC);
CREATE INDEX status_report_by_association ON status_report (association_id, status);

-- Every event of every report, in order: its history, and the outbox the relay publishes to Kafka.
-- The report's row and its event commit together; the relay marks what Kafka acknowledged.
CREATE TABLE report_event (
    position       BIGSERIAL    PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    report_id      VARCHAR(400) NOT NULL,
    sequence       BIGINT       NOT NULL,
    association_id VARCHAR(255) NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    revision       INTEGER      NOT NULL,
    envelope       BYTEA        NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(255) NOT NULL,
    published_at   TIMESTAMPTZ,
    UNIQUE (report_id, sequence)
);
CREATE INDEX report_event_unpublished ON report_event (position) WHERE published_at IS NULL;

-- The last sequence of each report's stream (a report may get ReportDue before it is drafted).
CREATE TABLE report_stream (
    report_id     VARCHAR(400) PRIMARY KEY,
    last_sequence BIGINT       NOT NULL
);

-- ReportDue / ReportOverdue told once per report and due date.
CREATE TABLE report_notice (
    report_id VARCHAR(400) NOT NULL,
    kind      VARCHAR(16)  NOT NULL CHECK (kind IN ('DUE', 'OVERDUE')),
    due_date  DATE         NOT NULL,
    told_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, kind, due_date)
);
