package se.samplan.plan.plan;

import org.axonframework.eventhandling.DomainEventMessage;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.PlanEvent;
import se.samplan.events.plan.PlanRevisionStarted;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A plan as its readers get it. {@code version} is the plan's content version (1 until the first
 * revision); {@code sequence} is its last event's sequence: the ETag a writer sends back in If-Match.
 */
record PlanView(String planId, String associationId, String title, LocalDate periodStart, LocalDate periodEnd,
                String ownerId, String status, int version, long sequence, LocalDate presentedOn, String presentedTo,
                List<PlanDocument.Decision> decisions, Map<String, String> sections, List<PlanDocument.Goal> goals,
                List<PlanDocument.Audience> audiences, List<PlanDocument.TargetGroup> targetGroups,
                List<PlanDocument.Channel> channels, List<PlanDocument.KeyMessage> keyMessages,
                List<PlanDocument.Risk> risks, List<PlanDocument.Named> stakeholders,
                List<PlanDocument.Named> informationProducts, List<MatrixRow> stakeholderMatrix,
                List<PlanDocument.ChecklistItem> checklist, List<PlanDocument.Partner> partners,
                List<PlanDocument.Milestone> milestones) {

    /** One stakeholder's row: product id → code. */
    record MatrixRow(String stakeholderId, String stakeholder, Map<String, MatrixCode> cells) {
    }

    String etag() {
        return "\"" + sequence + "\"";
    }

    /** The plan now; null if it has no events. */
    static PlanView current(Stream<? extends DomainEventMessage<?>> events) {
        return fold(events, Integer.MAX_VALUE);
    }

    /**
     * The plan as version {@code version} was last: every event before the revision that started
     * the next version. Null if the plan or that version does not exist.
     */
    static PlanView version(Stream<? extends DomainEventMessage<?>> events, int version) {
        PlanView view = fold(events, version);
        return view == null || view.version() != version ? null : view;
    }

    private static PlanView fold(Stream<? extends DomainEventMessage<?>> events, int upToVersion) {
        Fold fold = new Fold();
        for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
            DomainEventMessage<?> event = it.next();
            if (event.getPayload() instanceof PlanRevisionStarted revision && revision.version() > upToVersion) {
                break;
            }
            fold.apply(event);
        }
        return fold.view();
    }

    /** A plan's events applied in order; {@link PlanViews} keeps one and carries it forward. */
    static final class Fold {
        private final PlanDocument document = new PlanDocument();
        /** The last event applied, and the last plan event: the view's ETag. */
        private long read = -1;
        private long sequence = -1;

        void apply(DomainEventMessage<?> event) {
            if (event.getPayload() instanceof PlanEvent planEvent) {
                document.apply(planEvent);
                sequence = event.getSequenceNumber();
            }
            read = event.getSequenceNumber();
        }

        long read() {
            return read;
        }

        /** Null while the plan has no events. */
        PlanView view() {
            return document.exists() ? document.view(sequence) : null;
        }
    }
}
