-- db-scheduler's table (its documented PostgreSQL schema).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The activity list, rebuilt from the event store by the activity-list processor.
CREATE TABLE activity_row (
    activity_id    VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    plan_id        VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    target_groups  TEXT[]       NOT NULL,
    responsible    TEXT[]       NOT NULL,
    schedule_kind  VARCHAR(32)  NOT NULL,
    milestone_id   VARCHAR(255),
    budget_sek     NUMERIC(15, 2),
    view           JSONB        NOT NULL
);
CREATE INDEX activity_row_by_plan ON activity_row (association_id, plan_id);
CREATE INDEX activity_row_by_milestone ON activity_row (plan_id, milestone_id) WHERE milestone_id IS NOT NULL;

CREATE TABLE occurrence_row (
    activity_id    VARCHAR(255) NOT NULL REFERENCES activity_row (activity_id) ON DELETE CASCADE,
    occurrence_id  VARCHAR(255) NOT NULL,
    association_id VARCHAR(255) NOT NULL,
    due_date       DATE,
    status         VARCHAR(16)  NOT NULL,
    due_soon_for   DATE,
    overdue_for    DATE,
    PRIMARY KEY (activity_id, occurrence_id)
);
CREATE INDEX occurrence_row_open_due ON occurrence_row (due_date)
    WHERE status IN ('PLANNED', 'IN_PROGRESS', 'POSTPONED') AND due_date IS NOT NULL;

-- What activity-service knows of plans, from samplan.plans.v1: periods and milestone dates.
CREATE TABLE plan_reference (
    plan_id        VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    period_start   DATE,
    period_end     DATE,
    last_sequence  BIGINT       NOT NULL
);

CREATE TABLE milestone_reference (
    plan_id       VARCHAR(255) NOT NULL,
    milestone_id  VARCHAR(255) NOT NULL,
    target_date   DATE,
    forecast_date DATE,
    PRIMARY KEY (plan_id, milestone_id)
);

-- Per association: how many days before the due date "due soon" comes.
CREATE TABLE association_setting (
    association_id     VARCHAR(255) PRIMARY KEY,
    due_soon_lead_days INTEGER      NOT NULL CHECK (due_soon_lead_days BETWEEN 0 AND 90)
);
