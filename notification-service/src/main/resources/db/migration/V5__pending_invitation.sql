-- Invitations whose email is still to be queued: the event names the member by id only, and the
-- address is asked of plan-service's directory when the email is made. No personal data here.
CREATE TABLE pending_invitation (
    event_id       UUID         PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    member_id      VARCHAR(255) NOT NULL,
    language       VARCHAR(2)   NOT NULL,
    traceparent    TEXT,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    next_attempt   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX pending_invitation_due ON pending_invitation (next_attempt);
