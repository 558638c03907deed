package se.samplan.reporting.export;

/** Every fixed text of the exports, Swedish and English side by side. */
enum Label {
    KIND("Statusrapport", "Status report"),
    PLAN("Plan", "Plan"),
    ASSOCIATION("Förbund", "Association"),
    PERIOD("Period", "Period"),
    RECIPIENT("Mottagare", "Recipient"),
    SUBMITTED("Inlämnad", "Submitted"),
    DRAFT("Utkast", "Draft"),
    RESULTS("Resultat", "Results"),
    PLANNED("Planerade åtgärder", "Planned actions"),
    USER_PERSPECTIVE("Användarperspektiv och horisontella principer", "User perspective and horizontal principles"),
    PARAMETERS("Projektparametrar", "Project parameters"),
    PARAMETER("Parameter", "Parameter"),
    STATUS("Status", "Status"),
    COMMENT("Kommentar", "Comment"),
    MILESTONES("Projektmilstolpar", "Project milestones"),
    MILESTONE("Milstolpe", "Milestone"),
    TARGET("Måldatum", "Target date"),
    FORECAST("Förväntat slutdatum", "Expected end date"),
    MOVED("Flyttad", "Moved"),
    RISKS("Risker / utmaningar / förändringar", "Risks / challenges / changes"),
    QUESTIONS("Öppna frågor", "Open questions"),
    LEGEND("Teckenförklaring", "Legend"),
    PAGE("Sida", "Page"),
    OF("av", "of"),
    BUDGET("Budget", "Budget"),
    TIMELINE("Tidslinje", "Timeline"),
    RISK_MANAGEMENT("Riskhantering", "Risk management"),
    STAKEHOLDER_ENGAGEMENT("Engagemang med berörda aktörer", "Stakeholder engagement"),
    OVERALL("Övergripande", "Overall"),
    G("inga frågor", "no issues"),
    O("några frågor", "some issues"),
    R("större frågor", "major issues"),
    // The activity list (CSV)
    CSV_ACTIVITY("Aktivitet", "Activity"),
    CSV_KIND("Typ", "Kind"),
    CSV_CHANNEL("Kanal/forum", "Channel/forum"),
    CSV_OCCURRENCE("Tillfälle", "Occurrence"),
    CSV_DUE("Datum", "Due"),
    CSV_STATUS("Status", "Status"),
    CSV_DONE("Genomförd", "Done on"),
    CSV_OUTCOME("Utfall", "Outcome"),
    CSV_BUDGET("Budget (kr)", "Budget (SEK)"),
    CSV_COST("Kostnad (kr)", "Cost (SEK)"),
    PLANNED_STATUS("Planerad", "Planned"),
    IN_PROGRESS_STATUS("Pågår", "In progress"),
    DONE_STATUS("Klar", "Done"),
    POSTPONED_STATUS("Uppskjuten", "Postponed"),
    CANCELLED_STATUS("Inställd", "Cancelled");

    final String sv;
    final String en;

    Label(String sv, String en) {
        this.sv = sv;
        this.en = en;
    }
}
