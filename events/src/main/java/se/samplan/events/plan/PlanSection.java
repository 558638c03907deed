package se.samplan.events.plan;

/** The free-text sections of a plan. */
public enum PlanSection {
    /** Bakgrund. */
    BACKGROUND,
    /** Syfte. */
    PURPOSE,
    /** Strategi. */
    STRATEGY,
    /** Horisontella principer: jämställdhet, tillgänglighet, icke-diskriminering. */
    HORIZONTAL_PRINCIPLES,
    /** Uppföljning och utvärdering. */
    EVALUATION
}
