package se.samplan.events.plan;

/** A cell of the stakeholder matrix (001): how a stakeholder gets an information product. */
public enum MatrixCode {
    /** D: takes part (deltar). */
    D,
    /** E: electronically, by mail and web. */
    E,
    /** P: on paper. */
    P,
    /** –: not at all. */
    NONE
}
