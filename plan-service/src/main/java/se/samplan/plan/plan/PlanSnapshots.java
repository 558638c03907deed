package se.samplan.plan.plan;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plan's state is stored as a snapshot after every {@code samplan.plans.snapshot-after} events, so
 * a command loads the newest snapshot and the events after it instead of the plan's whole history.
 * Without them, a plan's commands grow slower with every event it ever had (a plan whose milestone
 * forecasts move every month gathers hundreds). The events stay the truth: a snapshot of another
 * {@link Plan} revision is ignored, and deleting all snapshots changes nothing but speed.
 */
@Configuration(proxyBeanMethods = false)
class PlanSnapshots {

    static final String TRIGGER = "planSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition planSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${samplan.plans.snapshot-after}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
