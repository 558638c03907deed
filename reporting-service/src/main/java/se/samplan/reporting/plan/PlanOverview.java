package se.samplan.reporting.plan;

import java.time.Instant;
import java.time.LocalDate;

/** One plan as the association's overview shows it. */
record PlanOverview(String planId, String associationId, String title, LocalDate periodStart, LocalDate periodEnd,
                    String status, int activities, Instant createdAt) {
}
