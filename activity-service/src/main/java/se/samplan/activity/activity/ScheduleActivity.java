package se.samplan.activity.activity;

import java.time.LocalDate;

/** Puts an activity on a plan's activity plan. */
record ScheduleActivity(String activityId, String associationId, String planId, String title, LocalDate dueDate) {
}
