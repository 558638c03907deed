package se.samplan.events.plan;

import se.samplan.events.SamplanEvent;

/** An event of the Plan aggregate (topic {@code samplan.plans.v1}, key = plan id). */
public interface PlanEvent extends SamplanEvent {

    /** The plan the event belongs to. */
    String planId();
}
