package se.samplan.plan.plan;

import java.time.LocalDate;

/** Drafts a new plan for an association. */
record CreatePlan(String planId, String associationId, String title, LocalDate periodStart, LocalDate periodEnd,
                  String ownerId) {
}
