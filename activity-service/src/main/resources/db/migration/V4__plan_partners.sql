-- The associations a plan is shared with, from samplan.plans.v1: a partner reads the plan's
-- activities, and with CONTRIBUTE access also schedules and changes them. A plan shared before
-- this migration is known to be shared from its next partner event on.
CREATE TABLE plan_partner_reference (
    plan_id                VARCHAR(255) NOT NULL,
    partner_association_id VARCHAR(255) NOT NULL,
    access                 VARCHAR(16)  NOT NULL,
    PRIMARY KEY (plan_id, partner_association_id)
);
