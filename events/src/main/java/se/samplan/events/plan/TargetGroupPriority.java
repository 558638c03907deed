package se.samplan.events.plan;

/** How central a target group is to the plan (001's table: primär, sekundär, extern). */
public enum TargetGroupPriority {
    PRIMARY, SECONDARY, EXTERNAL
}
