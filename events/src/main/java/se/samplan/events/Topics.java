package se.samplan.events;

/** One topic per owning service, keyed by aggregate id so one aggregate's events stay in order. */
public final class Topics {

    /** Published by plan-service: every event of the Plan aggregate. */
    public static final String PLANS = "samplan.plans.v1";

    /** Published by activity-service: every event of the Activity aggregate. */
    public static final String ACTIVITIES = "samplan.activities.v1";

    /** Published by reporting-service: reports due and overdue under a plan's reporting cadence. */
    public static final String REPORTS = "samplan.reports.v1";

    private Topics() {
    }
}
