package se.samplan.events.activity;

import se.samplan.events.SamplanEvent;

/** An event of the Activity aggregate (topic {@code samplan.activities.v1}, key = activity id). */
public interface ActivityEvent extends SamplanEvent {

    String activityId();

    /** The plan whose activity plan the activity is on. */
    String planId();
}
