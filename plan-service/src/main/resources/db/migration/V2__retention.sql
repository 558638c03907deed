-- How long an association keeps its closed plans before they are archived.
CREATE TABLE retention_setting (
    association_id   VARCHAR(255) PRIMARY KEY,
    keep_closed_days INTEGER      NOT NULL CHECK (keep_closed_days >= 1)
);

-- What is kept of an archived plan: its complete history (JSON and PDF). Its events are removed.
CREATE TABLE plan_archive (
    plan_id        VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    closed_on      DATE         NOT NULL,
    archived_at    TIMESTAMPTZ  NOT NULL,
    history        JSONB        NOT NULL,
    history_pdf    BYTEA        NOT NULL
);
CREATE INDEX plan_archive_by_association ON plan_archive (association_id);
