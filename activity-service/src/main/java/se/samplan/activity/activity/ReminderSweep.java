package se.samplan.activity.activity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import se.samplan.activity.activity.ActivityCommands.RemindDueSoon;
import se.samplan.activity.activity.ActivityCommands.ReportOverdue;
import java.util.Map;

/**
 * Finds occurrences that are due soon or overdue and asks their activities to say so. It runs as a
 * db-scheduler recurring task: persisted in PostgreSQL, so it survives restarts, and picked by one
 * instance at a time. Exactly-once does not rest on the scheduler: the activity emits
 * ActivityDueSoon / ActivityOverdue only once per occurrence and due date, however often asked.
 */
@Configuration(proxyBeanMethods = false)
class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    /** Where a page of due occurrences ended: the next page starts after it (keyset paging). */
    private record Cursor(LocalDate dueDate, String activityId, String occurrenceId) {
        static final Cursor START = new Cursor(LocalDate.of(1, 1, 1), "", "");
    }

    private record Due(Cursor at, Object command) {
    }

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;
    private final int defaultLeadDays;
    private final int pageSize;
    private final int parallelism;

    ReminderSweep(JdbcTemplate jdbc, CommandGateway commands, Clock clock,
                  @Value("${samplan.reminders.due-soon-lead-days:3}") int defaultLeadDays,
                  @Value("${samplan.reminders.sweep-page-size:1000}") int pageSize,
                  @Value("${samplan.reminders.sweep-parallelism:4}") int parallelism) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.defaultLeadDays = defaultLeadDays;
        this.pageSize = pageSize;
        this.parallelism = parallelism;
    }

    @Bean
    RecurringTask<Void> activityReminderSweep(@Value("${samplan.reminders.sweep-interval:PT1M}") Duration interval) {
        return Tasks.recurring("activity-reminder-sweep", FixedDelay.of(interval)).execute((instance, context) -> sweep());
    }

    /**
     * One pass over every open occurrence due within its association's lead time, or past due, not yet
     * reminded: page by page, so a backlog (a first start, a long outage) is worked off in this pass
     * instead of one page a minute. Pages follow a keyset, not the reminded flags, because the flags are
     * set by a projection that may not have caught up with this pass's own reminders yet.
     */
    void sweep() {
        LocalDate today = LocalDate.now(clock);
        ExecutorService workers = Executors.newFixedThreadPool(parallelism);
        try {
            Cursor after = Cursor.START;
            List<Due> page;
            do {
                page = page(today, after);
                // The activities' commands are independent; a few at a time keep the database busy while
                // Axon's per-aggregate lock keeps two reminders of one activity in order.
                List<Future<?>> sent = new ArrayList<>(page.size());
                for (Due due : page) {
                    sent.add(workers.submit(() -> remind(due.command())));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).at();
                }
            } while (page.size() == pageSize);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private List<Due> page(LocalDate today, Cursor after) {
        return jdbc.query("""
                        SELECT o.activity_id, o.occurrence_id, o.due_date,
                               coalesce(s.due_soon_lead_days, ?) AS lead_days
                          FROM occurrence_row o
                          LEFT JOIN association_setting s ON s.association_id = o.association_id
                         WHERE o.status IN ('PLANNED', 'IN_PROGRESS', 'POSTPONED') AND o.due_date IS NOT NULL
                           AND ((o.due_date < ? AND o.overdue_for IS DISTINCT FROM o.due_date)
                             OR (o.due_date >= ? AND o.due_date <= ?::date + coalesce(s.due_soon_lead_days, ?)
                                 AND o.due_soon_for IS DISTINCT FROM o.due_date))
                           AND (o.due_date, o.activity_id, o.occurrence_id) > (?, ?, ?)
                         ORDER BY o.due_date, o.activity_id, o.occurrence_id
                         LIMIT ?""",
                (rs, row) -> {
                    String activityId = rs.getString("activity_id");
                    String occurrenceId = rs.getString("occurrence_id");
                    LocalDate due = rs.getDate("due_date").toLocalDate();
                    Object command = due.isBefore(today)
                            ? new ReportOverdue(activityId, occurrenceId, today)
                            : new RemindDueSoon(activityId, occurrenceId, today, rs.getInt("lead_days"));
                    return new Due(new Cursor(due, activityId, occurrenceId), command);
                },
                defaultLeadDays, Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), defaultLeadDays,
                Date.valueOf(after.dueDate()), after.activityId(), after.occurrenceId(), pageSize);
    }

    private void remind(Object reminder) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(reminder)
                    .andMetaData(MetaData.from(Map.of("actor", "system"))));
        } catch (RuntimeException e) {
            // One activity's trouble must not hold up the others; the next pass asks again.
            log.warn("Reminder {} failed: {}", reminder, e.toString());
        }
    }
}
