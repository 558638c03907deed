package se.samplan.events.plan;

/** What a partner association may do with a shared plan. */
public enum PartnerAccess {
    READ, CONTRIBUTE
}
