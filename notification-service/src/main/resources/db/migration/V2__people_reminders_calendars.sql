-- The people reminders go to. Personal details live here, in one deletable row, never in events.
CREATE TABLE person (
    person_id      VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    name           TEXT         NOT NULL,
    email          VARCHAR(320) NOT NULL,
    language       VARCHAR(2)   NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
    roles          TEXT[]       NOT NULL DEFAULT '{}',
    due_soon       BOOLEAN      NOT NULL DEFAULT true,
    overdue        BOOLEAN      NOT NULL DEFAULT true,
    report_due     BOOLEAN      NOT NULL DEFAULT true,
    digest         BOOLEAN      NOT NULL DEFAULT true,
    lead_days      INTEGER CHECK (lead_days BETWEEN 0 AND 90),
    unsubscribed   BOOLEAN      NOT NULL DEFAULT false,
    email_rejected TIMESTAMPTZ
);
CREATE INDEX person_by_association ON person (association_id);

-- What the reminders and feeds need to know of plans and activities, from their events.
CREATE TABLE plan_info (
    plan_id        VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL
);

CREATE TABLE milestone_info (
    plan_id       VARCHAR(255) NOT NULL,
    milestone_id  VARCHAR(255) NOT NULL,
    name          TEXT         NOT NULL,
    target_date   DATE,
    forecast_date DATE,
    PRIMARY KEY (plan_id, milestone_id)
);

CREATE TABLE activity_info (
    activity_id    VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    plan_id        VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    responsible    JSONB        NOT NULL
);
CREATE INDEX activity_info_by_plan ON activity_info (plan_id);

CREATE TABLE occurrence_info (
    activity_id   VARCHAR(255) NOT NULL REFERENCES activity_info (activity_id) ON DELETE CASCADE,
    occurrence_id VARCHAR(255) NOT NULL,
    due_date      DATE,
    status        VARCHAR(16)  NOT NULL,
    PRIMARY KEY (activity_id, occurrence_id)
);

-- When each association's weekly digest goes out (ISO day 1 = Monday), Swedish time.
CREATE TABLE digest_setting (
    association_id VARCHAR(255) PRIMARY KEY,
    day_of_week    INTEGER      NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    hour           INTEGER      NOT NULL CHECK (hour BETWEEN 0 AND 23)
);

-- Secret calendar feed URLs: a person's, or a plan's.
CREATE TABLE calendar_feed (
    token          VARCHAR(64)  PRIMARY KEY,
    kind           VARCHAR(8)   NOT NULL CHECK (kind IN ('PERSON', 'PLAN')),
    subject_id     VARCHAR(255) NOT NULL,
    association_id VARCHAR(255) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (kind, subject_id)
);

ALTER TABLE outbound_email ADD COLUMN person_id VARCHAR(255);
ALTER TABLE outbound_email ADD COLUMN unsubscribe_url TEXT;
CREATE INDEX outbound_email_by_person ON outbound_email (person_id);
