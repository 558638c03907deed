package se.samplan.events.report;

import java.util.List;

/**
 * What a status report says, laid out as the template (000): results of the period, planned actions
 * for the next, user perspective and horizontal principles, the rated project parameters (with the
 * overall rating), the milestone table, risks / challenges / changes and open questions.
 *
 * @param results         results of the period
 * @param plannedActions  planned actions for the next period
 * @param userPerspective användarperspektiv och horisontella principer, or null
 * @param parameters      BUDGET, TIMELINE, RISK_MANAGEMENT, STAKEHOLDER_ENGAGEMENT and OVERALL
 * @param milestones      the milestone table
 * @param risks           risks, challenges, changes
 * @param openQuestions   open questions, e.g. "Hemsida - lösa internt eller via webbyrå?"
 */
public record ReportContent(List<ReportItem> results, List<ReportItem> plannedActions, String userPerspective,
                            List<ParameterRating> parameters, List<MilestoneRow> milestones, List<String> risks,
                            List<String> openQuestions) {

    public ReportContent {
        results = results == null ? List.of() : List.copyOf(results);
        plannedActions = plannedActions == null ? List.of() : List.copyOf(plannedActions);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        risks = risks == null ? List.of() : List.copyOf(risks);
        openQuestions = openQuestions == null ? List.of() : List.copyOf(openQuestions);
    }
}
