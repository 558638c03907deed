package se.samplan.plan.plan;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.PlanEvent;
import se.samplan.events.plan.Rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept fold: what another writer appended is seen, and only the new events are read. */
class PlanViewsTest {

    private static final String P = "plan-1";
    private static final String A = "finsam-lo";

    /** The first sequence number of every read of one plan's events. */
    private final List<Long> readsFrom = new ArrayList<>();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine() {
        /** The in-memory engine finds the last sequence by reading the events, which is not a read of the view. */
        private boolean findingLast;

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            if (!findingLast) {
                readsFrom.add(firstSequenceNumber);
            }
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            findingLast = true;
            try {
                return super.lastSequenceNumberFor(aggregateIdentifier);
            } finally {
                findingLast = false;
            }
        }
    }).build();
    private final PlanViews views = new PlanViews(store, new SimpleMeterRegistry(), 100);

    @Test
    void aReadFoldsOnlyWhatWasAppendedSinceAndEqualsAFoldOfEverything() {
        append(0, new PlanCreated(P, A, "Kommunikationsplan", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), "person-1"));
        append(1, new MilestoneAdded(P, A, "m1", "Kick-off", LocalDate.of(2022, 3, 1), null, Rating.G));
        PlanView first = views.current(P).orElseThrow();
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(views.current(P)).contains(first);

        // Appended past this instance, as another instance of plan-service would.
        append(2, new MilestoneForecastChanged(P, A, "m1", null, LocalDate.of(2022, 3, 15), "Lokalen upptagen"));
        PlanView second = views.current(P).orElseThrow();
        // The first read folded from the start, the unchanged read read nothing, the third only event 2.
        assertThat(readsFrom).containsExactly(0L, 2L);

        assertThat(second).isEqualTo(PlanView.current(store.readEvents(P).asStream()));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.milestones().get(0).forecastDate()).isEqualTo(LocalDate.of(2022, 3, 15));
    }

    @Test
    void aPlanWithoutEventsIsAbsent() {
        assertThat(views.current("no-such-plan")).isEmpty();
    }

    private void append(long sequence, PlanEvent event) {
        store.publish(new GenericDomainEventMessage<>("Plan", P, sequence, event));
    }
}
