package se.samplan.events.plan;

/** An event about one milestone of a plan. */
public interface MilestoneEvent extends PlanEvent {

    String milestoneId();
}
