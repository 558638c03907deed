package se.samplan.activity.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param topic      where this service's events go
 * @param partitions partitions of that topic when this service creates it
 * @param ackTimeout how long a batch waits for Kafka's acknowledgements before it is retried
 */
@ConfigurationProperties("samplan.publishing")
record PublishingProperties(
        @DefaultValue("samplan.activities.v1") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("PT30S") Duration ackTimeout) {
}
