package se.samplan.plan.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The current view of a plan, folded once and then carried forward: a read asks the event store for
 * the plan's last sequence and folds only the events after the one the kept fold has seen. A write
 * reads its plan twice (who may change it, then the answer), and a plan gathers hundreds of events,
 * so folding every event on every read was most of a command's cost in plan-service.
 *
 * <p>The event store stays the truth: every read checks it, so another instance's writes are seen, and
 * a plan whose events retention removed is forgotten here as well.
 */
@Component
class PlanViews {

    private final EventStore eventStore;
    private final Cache<String, PlanView.Fold> folds;

    PlanViews(EventStore eventStore, MeterRegistry meters, @Value("${samplan.plans.view-cache-size:5000}") long size) {
        this.eventStore = eventStore;
        this.folds = Caffeine.newBuilder().maximumSize(size).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, folds, "plan-views");
    }

    /** The plan now; empty if it has no events. */
    Optional<PlanView> current(String planId) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(planId);
        if (last.isEmpty()) {
            folds.invalidate(planId);
            return Optional.empty();
        }
        PlanView.Fold fold = folds.get(planId, id -> new PlanView.Fold());
        // A fold is changed only under its own lock.
        synchronized (fold) {
            try {
                if (fold.read() < last.get()) {
                    eventStore.readEvents(planId, fold.read() + 1).asStream().forEach(fold::apply);
                }
            } catch (RuntimeException e) {
                // A fold that stopped halfway must not be carried forward.
                folds.invalidate(planId);
                throw e;
            }
            return Optional.ofNullable(fold.view());
        }
    }
}
