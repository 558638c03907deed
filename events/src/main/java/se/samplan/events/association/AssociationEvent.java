package se.samplan.events.association;

import se.samplan.events.SamplanEvent;

/**
 * An event of the Association aggregate: the association's register entry and its member directory
 * (topic {@code samplan.plans.v1}, key = association id). Members are named by id only: their names
 * and addresses are personal data and never travel in events.
 */
public interface AssociationEvent extends SamplanEvent {
}
