package se.samplan.plan.plan;

import org.axonframework.eventhandling.DomainEventMessage;
import se.samplan.events.EventContract;
import se.samplan.events.plan.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A plan's complete history in readable Swedish: every event, who and when. For public-records
 * requests and archives. People appear by their id only; names and addresses are not in events.
 */
final class PlanHistory {

    /** One event of the history. */
    record Entry(long sequence, Instant at, String actor, String type, String text) { }

    private static final Map<String, String> SECTIONS = Map.of("BACKGROUND", "Bakgrund", "PURPOSE", "Syfte",
            "STRATEGY", "Strategi", "HORIZONTAL_PRINCIPLES", "Horisontella principer", "EVALUATION", "Uppföljning och utvärdering");

    private PlanHistory() {
    }

    static List<Entry> of(Stream<? extends DomainEventMessage<?>> events) {
        List<Entry> entries = new ArrayList<>();
        events.forEach(event -> {
            if (event.getPayload() instanceof PlanEvent planEvent) {
                EventContract contract = planEvent.getClass().getAnnotation(EventContract.class);
                entries.add(new Entry(event.getSequenceNumber(), event.getTimestamp(),
                        String.valueOf(event.getMetaData().getOrDefault("actor", "system")),
                        contract == null ? planEvent.getClass().getSimpleName() : contract.type(), describe(planEvent)));
            }
        });
        return entries;
    }

    /** The event in a sentence of Swedish. */
    static String describe(PlanEvent event) {
        if (event instanceof PlanCreated e) {
            return "Planen skapades: \"" + e.title() + "\", period " + period(e.periodStart(), e.periodEnd()) + ".";
        } else if (event instanceof PlanRetitled e) {
            return "Planen fick titeln \"" + e.title() + "\".";
        } else if (event instanceof PlanPeriodChanged e) {
            return "Planens period ändrades till " + period(e.periodStart(), e.periodEnd()) + ".";
        } else if (event instanceof PlanOwnerChanged e) {
            return "Planen fick en ny ägare (" + e.ownerId() + ").";
        } else if (event instanceof PlanSectionWritten e) {
            return SECTIONS.get(e.section().name()) + (e.text().isEmpty() ? " tömdes." : " skrevs: \"" + e.text() + "\"");
        } else if (event instanceof PlanGoalAdded e) {
            return "Övergripande mål lades till: \"" + e.text() + "\"";
        } else if (event instanceof PlanGoalChanged e) {
            return "Övergripande mål ändrades till: \"" + e.text() + "\"";
        } else if (event instanceof PlanGoalRemoved) {
            return "Ett övergripande mål togs bort.";
        } else if (event instanceof AudienceAdded e) {
            return "Mottagaren \"" + e.name() + "\" lades till. Veta: " + text(e.know()) + ". Känna: " + text(e.feel())
                    + ". Agera: " + text(e.act());
        } else if (event instanceof AudienceChanged e) {
            return "Mottagaren \"" + e.name() + "\" ändrades. Veta: " + text(e.know()) + ". Känna: " + text(e.feel())
                    + ". Agera: " + text(e.act());
        } else if (event instanceof AudienceRemoved) {
            return "En mottagare togs bort.";
        } else if (event instanceof TargetGroupAdded e) {
            return "Målgruppen \"" + e.name() + "\" lades till (" + priority(e.priority()) + ", " + scope(e.scope()) + ").";
        } else if (event instanceof TargetGroupChanged e) {
            return "Målgruppen \"" + e.name() + "\" ändrades (" + priority(e.priority()) + ", " + scope(e.scope()) + ").";
        } else if (event instanceof TargetGroupRemoved) {
            return "En målgrupp togs bort.";
        } else if (event instanceof ChannelAdded e) {
            return "Kanalen \"" + e.name() + "\" lades till (" + scope(e.scope()) + ").";
        } else if (event instanceof ChannelChanged e) {
            return "Kanalen \"" + e.name() + "\" ändrades (" + scope(e.scope()) + ").";
        } else if (event instanceof ChannelRemoved) {
            return "En kanal togs bort.";
        } else if (event instanceof KeyMessageAdded e) {
            return "Budskapet \"" + e.text() + "\" lades till.";
        } else if (event instanceof KeyMessageChanged e) {
            return "Ett budskap ändrades till \"" + e.text() + "\".";
        } else if (event instanceof KeyMessageRemoved) {
            return "Ett budskap togs bort.";
        } else if (event instanceof RiskAdded e) {
            return "Risken \"" + e.description() + "\" lades till. Åtgärd: " + text(e.mitigation());
        } else if (event instanceof RiskChanged e) {
            return "Risken \"" + e.description() + "\" ändrades. Åtgärd: " + text(e.mitigation());
        } else if (event instanceof RiskRemoved) {
            return "En risk togs bort.";
        } else if (event instanceof StakeholderAdded e) {
            return "Intressenten \"" + e.name() + "\" lades till i intressentanalysen.";
        } else if (event instanceof StakeholderRemoved) {
            return "En intressent togs bort ur intressentanalysen.";
        } else if (event instanceof InformationProductAdded e) {
            return "Informationsprodukten \"" + e.name() + "\" lades till i intressentanalysen.";
        } else if (event instanceof InformationProductRemoved) {
            return "En informationsprodukt togs bort ur intressentanalysen.";
        } else if (event instanceof StakeholderMatrixCellSet e) {
            return "Intressentanalysen ändrades: " + switch (e.code()) {
                case D -> "deltar (D)";
                case E -> "elektroniskt (E)";
                case P -> "på papper (P)";
                case NONE -> "ingen information (–)";
            } + ".";
        } else if (event instanceof ChecklistItemAdded e) {
            return "Checklistfrågan \"" + e.question() + "\" lades till.";
        } else if (event instanceof ChecklistItemAnswered e) {
            return "En checklistfråga besvarades: " + (e.answer() == null ? "obesvarad" : e.answer() ? "ja" : "nej")
                    + (e.comment() == null ? "." : " (" + e.comment() + ").");
        } else if (event instanceof ChecklistItemRemoved) {
            return "En checklistfråga togs bort.";
        } else if (event instanceof PartnerAssociationAdded e) {
            return "Förbundet " + e.partnerAssociationId() + " fick " + (e.access() == PartnerAccess.READ ? "läsa" : "bidra till")
                    + " planen.";
        } else if (event instanceof PartnerAssociationRemoved e) {
            return "Förbundet " + e.partnerAssociationId() + " har inte längre tillgång till planen.";
        } else if (event instanceof MilestoneAdded e) {
            return "Milstolpen \"" + e.name() + "\" lades till: måldatum " + date(e.targetDate()) + ", förväntat slutdatum "
                    + date(e.forecastDate()) + ", status " + e.status() + ".";
        } else if (event instanceof MilestoneRenamed e) {
            return "En milstolpe bytte namn till \"" + e.name() + "\".";
        } else if (event instanceof MilestoneTargetDateChanged e) {
            return "Måldatum för en milstolpe ändrades från " + date(e.previousDate()) + " till " + date(e.newDate()) + reason(e.reason());
        } else if (event instanceof MilestoneForecastChanged e) {
            return "Förväntat slutdatum för en milstolpe flyttades från " + date(e.previousDate()) + " till " + date(e.newDate())
                    + reason(e.reason());
        } else if (event instanceof MilestoneStatusChanged e) {
            return "Status för en milstolpe ändrades från " + e.previousStatus() + " till " + e.newStatus() + reason(e.reason());
        } else if (event instanceof MilestoneRemoved) {
            return "En milstolpe togs bort.";
        } else if (event instanceof PlanPresented e) {
            return "Version " + e.version() + " presenterades " + e.presentedOn()
                    + (e.presentedTo() == null ? "." : " för " + e.presentedTo() + ".");
        } else if (event instanceof PlanDecided e) {
            return "Version " + e.version() + " beslutades " + e.decidedOn() + " av " + e.decidedBy() + ".";
        } else if (event instanceof PlanRevisionStarted e) {
            return "Arbetet med version " + e.version() + " påbörjades" + reason(e.reason());
        } else if (event instanceof PlanClosed e) {
            return "Planen avslutades " + e.closedOn() + reason(e.reason());
        }
        return event.getClass().getSimpleName();
    }

    private static String period(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }

    private static String date(LocalDate date) {
        return date == null ? "okänt" : date.toString();
    }

    private static String text(String text) {
        return text == null ? "–" : "\"" + text + "\"";
    }

    private static String reason(String reason) {
        return reason == null ? "." : " (" + reason + ").";
    }

    private static String priority(TargetGroupPriority priority) {
        return switch (priority) {
            case PRIMARY -> "primär";
            case SECONDARY -> "sekundär";
            case EXTERNAL -> "extern";
        };
    }

    private static String scope(Scope scope) {
        return scope == Scope.INTERNAL ? "intern" : "extern";
    }
}
