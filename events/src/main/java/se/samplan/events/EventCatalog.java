package se.samplan.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Objects;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.samplan.events.association.AssociationRegistered;
import se.samplan.events.association.MemberInvited;
import se.samplan.events.association.MemberJoined;
import se.samplan.events.association.MemberRemoved;
import se.samplan.events.association.MemberRolesAssigned;
import se.samplan.events.activity.ActivityDetailsChanged;
import se.samplan.events.activity.ActivityDueSoon;
import se.samplan.events.activity.ActivityOccurrenceCancelled;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.activity.ActivityOccurrenceMoved;
import se.samplan.events.activity.ActivityOccurrencePostponed;
import se.samplan.events.activity.ActivityOccurrenceStarted;
import se.samplan.events.activity.ActivityOverdue;
import se.samplan.events.activity.ActivityRescheduled;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.report.ReportDue;
import se.samplan.events.report.ReportOverdue;
import se.samplan.events.report.StatusReportDrafted;
import se.samplan.events.report.StatusReportEdited;
import se.samplan.events.report.StatusReportSubmitted;
import se.samplan.events.plan.AudienceAdded;
import se.samplan.events.plan.AudienceChanged;
import se.samplan.events.plan.AudienceRemoved;
import se.samplan.events.plan.ChannelAdded;
import se.samplan.events.plan.ChannelChanged;
import se.samplan.events.plan.ChannelRemoved;
import se.samplan.events.plan.ChecklistItemAdded;
import se.samplan.events.plan.ChecklistItemAnswered;
import se.samplan.events.plan.ChecklistItemRemoved;
import se.samplan.events.plan.InformationProductAdded;
import se.samplan.events.plan.InformationProductRemoved;
import se.samplan.events.plan.KeyMessageAdded;
import se.samplan.events.plan.KeyMessageChanged;
import se.samplan.events.plan.KeyMessageRemoved;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneStatusChanged;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PartnerAssociationRemoved;
import se.samplan.events.plan.PlanClosed;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.PlanDecided;
import se.samplan.events.plan.PlanGoalAdded;
import se.samplan.events.plan.PlanGoalChanged;
import se.samplan.events.plan.PlanGoalRemoved;
import se.samplan.events.plan.PlanOwnerChanged;
import se.samplan.events.plan.PlanPeriodChanged;
import se.samplan.events.plan.PlanPresented;
import se.samplan.events.plan.PlanRetitled;
import se.samplan.events.plan.PlanRevisionStarted;
import se.samplan.events.plan.PlanSectionWritten;
import se.samplan.events.plan.RiskAdded;
import se.samplan.events.plan.RiskChanged;
import se.samplan.events.plan.RiskRemoved;
import se.samplan.events.plan.StakeholderAdded;
import se.samplan.events.plan.StakeholderMatrixCellSet;
import se.samplan.events.plan.StakeholderRemoved;
import se.samplan.events.plan.TargetGroupAdded;
import se.samplan.events.plan.TargetGroupChanged;
import se.samplan.events.plan.TargetGroupRemoved;

/**
 * Every event contract the platform publishes, and how to read any published revision of it.
 * Producers use it to name their payloads; consumers use {@link #decode(EventEnvelope)}.
 */
public final class EventCatalog {

    private static final List<Class<? extends SamplanEvent>> CONTRACTS = List.of(
            PlanCreated.class,
            PlanRetitled.class,
            PlanPeriodChanged.class,
            PlanOwnerChanged.class,
            PlanSectionWritten.class,
            PlanGoalAdded.class,
            PlanGoalChanged.class,
            PlanGoalRemoved.class,
            AudienceAdded.class,
            AudienceChanged.class,
            AudienceRemoved.class,
            TargetGroupAdded.class,
            TargetGroupChanged.class,
            TargetGroupRemoved.class,
            ChannelAdded.class,
            ChannelChanged.class,
            ChannelRemoved.class,
            KeyMessageAdded.class,
            KeyMessageChanged.class,
            KeyMessageRemoved.class,
            RiskAdded.class,
            RiskChanged.class,
            RiskRemoved.class,
            StakeholderAdded.class,
            StakeholderRemoved.class,
            InformationProductAdded.class,
            InformationProductRemoved.class,
            StakeholderMatrixCellSet.class,
            ChecklistItemAdded.class,
            ChecklistItemAnswered.class,
            ChecklistItemRemoved.class,
            PartnerAssociationAdded.class,
            PartnerAssociationRemoved.class,
            MilestoneAdded.class,
            MilestoneRenamed.class,
            MilestoneTargetDateChanged.class,
            MilestoneForecastChanged.class,
            MilestoneStatusChanged.class,
            MilestoneRemoved.class,
            PlanPresented.class,
            PlanDecided.class,
            PlanRevisionStarted.class,
            PlanClosed.class,
            AssociationRegistered.class,
            MemberInvited.class,
            MemberJoined.class,
            MemberRolesAssigned.class,
            MemberRemoved.class,
            ReportDue.class,
            ReportOverdue.class,
            StatusReportDrafted.class,
            StatusReportEdited.class,
            StatusReportSubmitted.class,
            ActivityScheduled.class,
            ActivityDetailsChanged.class,
            ActivityRescheduled.class,
            ActivityOccurrenceStarted.class,
            ActivityOccurrenceCompleted.class,
            ActivityOccurrencePostponed.class,
            ActivityOccurrenceCancelled.class,
            ActivityOccurrenceMoved.class,
            ActivityDueSoon.class,
            ActivityOverdue.class);

    /** Upcasters from older revisions, one step each. */
    private static final List<Upcaster> UPCASTERS = List.of(
            new Upcaster("ActivityScheduled", 1, EventCatalog::activityScheduledR1ToR2),
            new Upcaster("ActivityOccurrenceCompleted", 1, r1 -> r1.deepCopy().putNull("costSek")));

    private static final EventCatalog STANDARD = new EventCatalog(CONTRACTS, UPCASTERS);

    private final Map<String, Class<? extends SamplanEvent>> byType = new HashMap<>();
    private final Map<String, Upcaster> upcasters = new HashMap<>();
    private final ObjectMapper mapper = EventJson.mapper();
    private final ObjectReader wireReader = mapper.readerFor(Wire.class);

    EventCatalog(List<Class<? extends SamplanEvent>> contracts, List<Upcaster> upcasterList) {
        for (Class<? extends SamplanEvent> contract : contracts) {
            EventContract annotation = contractOf(contract);
            if (byType.put(annotation.type(), contract) != null) {
                throw new IllegalStateException("Two contracts named " + annotation.type());
            }
        }
        for (Upcaster upcaster : upcasterList) {
            upcasters.put(upcaster.type() + "@" + upcaster.fromRevision(), upcaster);
        }
    }

    /** Every contract class this catalogue reads. */
    public List<Class<? extends SamplanEvent>> contracts() {
        return List.copyOf(byType.values());
    }

    /** The catalogue of every contract in this module. */
    public static EventCatalog standard() {
        return STANDARD;
    }

    /** The contract annotation of an event class; fails for a class that is no contract. */
    public static EventContract contractOf(Class<?> eventClass) {
        EventContract annotation = eventClass.getAnnotation(EventContract.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated @EventContract");
        }
        return annotation;
    }

    /** The class of a contract type, if this catalogue knows it. */
    public Optional<Class<? extends SamplanEvent>> classOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * Reads an envelope's payload as the current revision of its contract, upcasting older
     * revisions. Empty for a type this consumer does not know (a newer producer's event).
     */
    public Optional<SamplanEvent> decode(EventEnvelope envelope) {
        Class<? extends SamplanEvent> type = contract(envelope.type(), envelope.revision());
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(bind(upcast(envelope.type(), envelope.revision(), envelope.payload()), type, envelope.type(), envelope.eventId()));
    }

    /**
     * Reads a published envelope (as {@link EventJson#write} writes it) and decodes its payload as
     * {@link #decode(EventEnvelope)} does, without a JSON tree when the payload is at its contract's
     * current revision: the payload's tokens are kept as they were read and bound straight to the record.
     * A consumer that needs no payload JSON reads this way at a fraction of the cost.
     */
    public Received read(byte[] json) {
        Wire wire;
        try {
            wire = wireReader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an event envelope", e);
        }
        EventHeader header = new EventHeader(wire.eventId(), wire.type(), wire.revision(), wire.tenantId(), wire.aggregateType(),
                wire.aggregateId(), wire.sequence(), wire.occurredAt(), wire.actor());
        Objects.requireNonNull(wire.payload(), "payload");
        Class<? extends SamplanEvent> type = contract(header.type(), header.revision());
        if (type == null) {
            return new Received(header, Optional.empty());
        }
        try {
            SamplanEvent event = header.revision() == contractOf(type).revision()
                    ? mapper.readValue(wire.payload().asParser(mapper), type)
                    : bind(upcast(header.type(), header.revision(), mapper.readTree(wire.payload().asParser(mapper))), type,
                    header.type(), header.eventId());
            // Never null: a null payload is refused above.
            return new Received(header, Optional.of(event));
        } catch (IOException e) {
            throw unreadable(header.type(), header.eventId(), e);
        }
    }

    /** An envelope read by {@link #read(byte[])}: its header, and its event unless its type is unknown here. */
    public record Received(EventHeader header, Optional<SamplanEvent> event) {
    }

    /** The envelope as written; the payload's tokens as read, for binding once its type and revision are known. */
    private record Wire(UUID eventId, String type, int revision, String tenantId, String aggregateType, String aggregateId,
                        long sequence, Instant occurredAt, String actor, TokenBuffer payload) {
    }

    /** The contract class of a type, null if unknown here; fails for a revision newer than this consumer reads. */
    private Class<? extends SamplanEvent> contract(String type, int revision) {
        Class<? extends SamplanEvent> contract = byType.get(type);
        if (contract != null && revision > contractOf(contract).revision()) {
            throw new UnsupportedRevisionException(type, revision, contractOf(contract).revision());
        }
        return contract;
    }

    /** The payload brought from its revision to the contract's current one. */
    private JsonNode upcast(String type, int revision, JsonNode payload) {
        int current = contractOf(byType.get(type)).revision();
        for (int step = revision; step < current; step++) {
            Upcaster upcaster = upcasters.get(type + "@" + step);
            if (upcaster == null) {
                throw new UnsupportedRevisionException(type, step, current);
            }
            payload = upcaster.step().apply((ObjectNode) payload);
        }
        return payload;
    }

    private SamplanEvent bind(JsonNode payload, Class<? extends SamplanEvent> type, String typeName, UUID eventId) {
        try {
            return mapper.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw unreadable(typeName, eventId, e);
        }
    }

    private static IllegalArgumentException unreadable(String type, UUID eventId, IOException cause) {
        return new IllegalArgumentException("Unreadable " + type + " payload of event " + eventId, cause);
    }

    /** The upcaster from {@code fromRevision} of {@code type}, if one is registered. */
    public Optional<Upcaster> upcaster(String type, int fromRevision) {
        return Optional.ofNullable(upcasters.get(type + "@" + fromRevision));
    }

    /**
     * ActivityScheduled revision 1 knew only a title and a due date: it becomes a DATE schedule (or
     * an ONGOING one without a date) with its one occurrence, and an ACTIVITY with no other details.
     */
    static ObjectNode activityScheduledR1ToR2(ObjectNode r1) {
        ObjectNode r2 = r1.deepCopy();
        JsonNode dueDate = r2.remove("dueDate");
        boolean dated = dueDate != null && !dueDate.isNull();
        for (String absent : List.of("description", "channel", "need", "how", "budgetSek", "comment")) {
            r2.putNull(absent);
        }
        r2.put("kind", "ACTIVITY");
        r2.putArray("targetGroups");
        r2.putArray("responsible");
        ObjectNode schedule = r2.putObject("schedule");
        schedule.put("kind", dated ? "DATE" : "ONGOING");
        schedule.set("date", dated ? dueDate : schedule.nullNode());
        for (String absent : List.of("month", "reviewDate", "milestoneId", "offsetDays", "rrule", "year")) {
            schedule.putNull(absent);
        }
        schedule.putArray("members");
        schedule.putNull("text");
        ObjectNode occurrence = r2.putArray("occurrences").addObject();
        occurrence.put("occurrenceId", dated ? "once" : "ongoing");
        occurrence.set("dueDate", dated ? dueDate : occurrence.nullNode());
        return r2;
    }

    /** Raised when a payload's revision cannot be brought to the one this consumer reads. */
    public static final class UnsupportedRevisionException extends RuntimeException {
        public UnsupportedRevisionException(String type, int revision, int current) {
            super("No way to read " + type + " revision " + revision + " as revision " + current);
        }
    }
}
