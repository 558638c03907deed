package se.samplan.reporting.export;

import se.samplan.events.plan.Rating;
import se.samplan.events.report.ParameterRating.Parameter;
import se.samplan.reporting.web.RequestRejected;

/** The language of an export: Swedish unless the reader asks for English. */
public enum Language {
    SV, EN;

    public static Language of(String code) {
        if (code == null || code.isBlank() || code.equalsIgnoreCase("sv")) {
            return SV;
        }
        if (code.equalsIgnoreCase("en")) {
            return EN;
        }
        throw RequestRejected.invalid("lang", "sv or en, not '" + code + "'");
    }

    String code() {
        return this == SV ? "sv" : "en";
    }

    String text(Label label) {
        return this == SV ? label.sv : label.en;
    }

    String parameter(Parameter parameter) {
        return text(Label.valueOf(parameter.name()));
    }

    String rating(Rating rating) {
        return text(Label.valueOf(rating.name()));
    }

    String status(String occurrenceStatus) {
        return text(Label.valueOf(occurrenceStatus + "_STATUS"));
    }
}
