package se.samplan.events.activity;

/** What kind of activity it is: 004's colour legend. */
public enum ActivityKind {
    /** Planning (turkos). */
    PLANNING,
    /** An activity (rött). */
    ACTIVITY,
    /** A checkpoint or follow-up (gult). */
    CHECKPOINT,
    /** A planned communication occasion (grönt). */
    COMMUNICATION_OCCASION
}
