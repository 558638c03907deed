package se.samplan.events.association;

/** What kind of body an association is. */
public enum AssociationKind {
    /** A samordningsförbund under Finsam. */
    SAMORDNINGSFORBUND,
    REGION,
    MUNICIPALITY,
    PROJECT_OFFICE,
    OTHER
}
