package se.samplan.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the plans: an event-sourced Plan aggregate whose events reach Kafka from the event store. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class PlanServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
