package se.samplan.activity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the activity plans: an event-sourced Activity aggregate whose events reach Kafka from the event store. */
@SpringBootApplication
public class ActivityServiceApplication {

    public static void main(String[] args) {
        // Axon 4.12's update checker reports a machine id to AxonIQ's servers from every start; an
        // association's platform sends nothing to third parties unasked (AXONIQ_UPDATE_CHECKER_DISABLED=false opts in).
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(ActivityServiceApplication.class, args);
    }
}
