-- The names an activity import checks its rows against: the plan's target groups and milestones.
-- Filled from samplan.plans.v1 like the rest of the plan references; a plan applied before this
-- migration has its names from its next target group or milestone event on.
CREATE TABLE target_group_reference (
    plan_id         VARCHAR(255) NOT NULL,
    target_group_id VARCHAR(255) NOT NULL,
    name            TEXT         NOT NULL,
    PRIMARY KEY (plan_id, target_group_id)
);

ALTER TABLE milestone_reference ADD COLUMN name TEXT;
