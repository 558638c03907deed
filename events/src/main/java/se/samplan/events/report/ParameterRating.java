package se.samplan.events.report;

import se.samplan.events.plan.Rating;

import java.util.Objects;

/**
 * One project parameter of a status report rated G, O or R, with a comment.
 *
 * @param parameter which parameter
 * @param rating    G, O or R; null while not yet rated
 * @param comment   why, or null
 */
public record ParameterRating(Parameter parameter, Rating rating, String comment) {

    /** The parameters of the template (000): Budget, Tidslinje, Riskhantering, Engagemang med berörda aktörer, Övergripande. */
    public enum Parameter { BUDGET, TIMELINE, RISK_MANAGEMENT, STAKEHOLDER_ENGAGEMENT, OVERALL }

    public ParameterRating {
        Objects.requireNonNull(parameter, "parameter");
    }
}
