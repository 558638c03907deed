package se.samplan.events.plan;

/** Inside or outside the organisation (intern, extern). */
public enum Scope {
    INTERNAL, EXTERNAL
}
