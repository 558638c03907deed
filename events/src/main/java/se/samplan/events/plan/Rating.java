package se.samplan.events.plan;

/** The traffic light of milestones and status reports: G no issues, O some issues, R major issues. */
public enum Rating {
    G, O, R
}
