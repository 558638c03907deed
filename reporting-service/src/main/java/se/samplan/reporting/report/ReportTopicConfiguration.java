package se.samplan.reporting.report;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import se.samplan.events.Topics;

/** Reporting owns {@link Topics#REPORTS} (ReportDue, ReportOverdue): its producer creates it. */
@Configuration(proxyBeanMethods = false)
class ReportTopicConfiguration {

    @Bean
    NewTopic reportTopic(@Value("${samplan.reports.topic}") String topic, @Value("${samplan.reports.partitions:6}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }
}
