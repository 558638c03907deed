-- Row-level security by association. Requests run as the request role ("${requestuser}"), which owns
-- nothing and cannot bypass row-level security: it sees the rows of the association its connection
-- names in samplan.association (set by the service on every checkout, see db.TenantDataSource) and
-- the rows of plans a partner association shared with it; it writes only its association's rows of
-- the reports' tables. The intake, the rebuild, the report relay and the sweeps run as the system role
-- ("${systemuser}", BYPASSRLS). Both roles are made before this runs (db.DatabaseRoles). Every table is
-- FORCEd, so a non-superuser owner running a later data migration is held too (it must run as the
-- system role, or set the association). A table added later needs its policy and grants here too:
-- RowLevelSecurityTest fails for a table without row-level security.

-- The association of the request, or null when none is set (unset and '' both): null matches no row.
CREATE FUNCTION request_association() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('samplan.association', true), '') $$;

-- Projections that carry no association yet: partners and risks, filled from their plan.
ALTER TABLE plan_partner ADD COLUMN association_id VARCHAR(255);
UPDATE plan_partner pp SET association_id = p.association_id FROM plan_overview p WHERE p.plan_id = pp.plan_id;
ALTER TABLE plan_risk ADD COLUMN association_id VARCHAR(255);
UPDATE plan_risk r SET association_id = p.association_id FROM plan_overview p WHERE p.plan_id = r.plan_id;
-- A report's stream: every stream has its first event in the same transaction.
ALTER TABLE report_stream ADD COLUMN association_id VARCHAR(255);
UPDATE report_stream s SET association_id = (SELECT e.association_id FROM report_event e WHERE e.report_id = s.report_id LIMIT 1);
ALTER TABLE report_stream ALTER COLUMN association_id SET NOT NULL;
CREATE INDEX plan_partner_by_plan_owner ON plan_partner (plan_id, association_id);

-- True when a row of association_id's plan plan_id is shared with the request's association. Its
-- read of plan_partner is itself under plan_partner's policy, which names the request's association.
CREATE FUNCTION shared_with_request(plan_id text, association_id text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT EXISTS (SELECT 1 FROM plan_partner pp
                          WHERE pp.plan_id = $1 AND pp.association_id = $2 AND pp.partner_association_id = request_association()) $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['consumer_position', 'aggregate_position', 'rejected_event', 'plan_overview', 'activity_overview',
                             'milestone_state', 'milestone_move', 'activity_detail', 'activity_occurrence', 'plan_partner',
                             'plan_risk', 'report_cadence', 'status_report', 'report_event', 'report_stream', 'report_notice'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON %I TO "${systemuser}"', t);
    END LOOP;
END
$$;
GRANT USAGE ON SEQUENCE rejected_event_id_seq, report_event_position_seq TO "${systemuser}";

-- Only the service's own processes see positions, rejected records and report notices: no grant,
-- no policy for the request role.

-- Projections: written by the intake only. They, the cadences and the reports are read by the plan's
-- association and by the partners of its plans.
GRANT SELECT ON plan_overview, activity_overview, milestone_state, milestone_move, activity_detail, activity_occurrence,
                plan_partner, plan_risk TO "${requestuser}";
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['plan_overview', 'activity_overview', 'milestone_state', 'milestone_move', 'activity_detail',
                             'activity_occurrence', 'report_cadence', 'status_report'] LOOP
        EXECUTE format('CREATE POLICY read_own_and_shared ON %I FOR SELECT '
                       'USING (association_id = request_association() OR shared_with_request(plan_id, association_id))', t);
    END LOOP;
END
$$;
-- A plan's partners: the owner sees whom it shares with (live stream audience), a partner what is shared with it.
CREATE POLICY read_own_and_shared ON plan_partner FOR SELECT
    USING (association_id = request_association() OR partner_association_id = request_association());
-- Risks go into the owner's report drafts only; partners read them in submitted reports.
CREATE POLICY read_own ON plan_risk FOR SELECT
    USING (association_id = request_association());

-- Status reports and their cadences: this service's own data, written by the plan's association.
GRANT SELECT, INSERT, DELETE ON report_cadence TO "${requestuser}";
CREATE POLICY add_own ON report_cadence FOR INSERT WITH CHECK (association_id = request_association());
CREATE POLICY remove_own ON report_cadence FOR DELETE USING (association_id = request_association());

GRANT SELECT, INSERT, UPDATE ON status_report TO "${requestuser}";
CREATE POLICY add_own ON status_report FOR INSERT WITH CHECK (association_id = request_association());
CREATE POLICY change_own ON status_report FOR UPDATE
    USING (association_id = request_association()) WITH CHECK (association_id = request_association());

-- A report's events: appended by its association, read with the report (a partner reads its history).
-- Marking them published is the relay's (system) work.
GRANT SELECT, INSERT ON report_event TO "${requestuser}";
GRANT USAGE ON SEQUENCE report_event_position_seq TO "${requestuser}";
CREATE POLICY read_own_and_shared ON report_event FOR SELECT
    USING (association_id = request_association()
           OR EXISTS (SELECT 1 FROM status_report s WHERE s.report_id = report_event.report_id
                                                     AND s.association_id = report_event.association_id));
CREATE POLICY add_own ON report_event FOR INSERT WITH CHECK (association_id = request_association());

GRANT SELECT, INSERT, UPDATE ON report_stream TO "${requestuser}";
CREATE POLICY read_own ON report_stream FOR SELECT USING (association_id = request_association());
CREATE POLICY add_own ON report_stream FOR INSERT WITH CHECK (association_id = request_association());
CREATE POLICY change_own ON report_stream FOR UPDATE
    USING (association_id = request_association()) WITH CHECK (association_id = request_association());

-- Since PostgreSQL 15 nobody but the owner creates in the public schema; older servers let anyone.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
