package se.samplan.events.activity;

/** Every form of "when" the activity plans use. */
public enum ScheduleKind {
    /** On a date: "24 maj". */
    DATE,
    /** Some time in a month: 004's plan by month. */
    MONTH,
    /** Ongoing (Löpande, Pågående): no due date, perhaps a review date. */
    ONGOING,
    /** Relative to a plan milestone: "Inför kick-off"; moves when the milestone's forecast moves. */
    MILESTONE,
    /** Recurring by an RFC 5545 RRULE: monthly, "Två ggr/år". */
    RECURRING,
    /** Once a year for each member organisation: "Minst en gång per år per huvudman". */
    PER_MEMBER
}
