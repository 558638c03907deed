package se.samplan.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the plans: an event-sourced Plan aggregate whose events reach Kafka from the event store. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class PlanServiceApplication {

    public static void main(String[] args) {
        // Axon 4.12's update checker reports a machine id to AxonIQ's servers from every start; an
        // association's platform sends nothing to third parties unasked (AXONIQ_UPDATE_CHECKER_DISABLED=false opts in).
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
