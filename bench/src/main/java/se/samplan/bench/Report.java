package se.samplan.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static se.samplan.bench.FixedRate.millis;

/** bench/REPORT.md: the summary table against the targets first, then each workload's details. */
final class Report {

    private final Options options;
    private final List<String> summary = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();

    Report(Options options) {
        this.options = options;
    }

    private void row(String figure, String value, String target, Boolean met) {
        summary.add("| " + figure + " | " + value + " | " + target + " | " + (met == null ? "–" : met ? "met" : "**missed**") + " |");
    }

    private void section(String title, String text) {
        details.append("\n## ").append(title).append("\n\n").append(text.strip()).append('\n');
    }

    void footprint(double startSeconds, Map<String, long[]> memory) {
        row("whole stack start (PostgreSQL, Kafka, SMTP, 5 services, all healthy)", "%.0f s".formatted(startSeconds), "", null);
        row("memory after start, all processes (PSS)", total(memory) + " MB", "", null);
        section("Footprint after start", memoryTable(memory));
    }

    void memoryAfterLoad(Map<String, long[]> memory) {
        row("memory after the load, all processes (PSS)", total(memory) + " MB", "", null);
        section("Footprint after the command load", memoryTable(memory));
    }

    private static long total(Map<String, long[]> memory) {
        return memory.values().stream().mapToLong(m -> m[0]).sum();
    }

    private static String memoryTable(Map<String, long[]> memory) {
        StringBuilder table = new StringBuilder("| process | PSS MB (with children) | peak RSS MB |\n| --- | ---: | ---: |\n");
        memory.forEach((name, m) -> table.append("| ").append(name).append(" | ").append(m[0]).append(" | ").append(m[1]).append(" |\n"));
        return table + "\nPSS divides shared pages among the processes sharing them, so the column adds up to the "
                + "machine's real use; `launcher` is the bench JVM itself, which also runs the SMTP server.";
    }

    void baselines(double one, double many, double[] kafka) {
        row("raw single-row inserts/s, 1 writer (event-sized row, each committed)", "%.0f".formatted(one), "baseline", null);
        row("raw single-row inserts/s, %d writers".formatted(options.concurrency()), "%.0f".formatted(many), "baseline", null);
        row("raw Kafka produce, records/s (acks=all, idempotent, ~1 kB)", "%.0f".formatted(kafka[0]), "baseline", null);
        row("raw Kafka consume, records/s", "%.0f".formatted(kafka[1]), "baseline", null);
        section("Baselines", """
                Raw JDBC: `INSERT` of one row shaped like an event (a copy of `domain_event_entry` with its indexes,
                %d-byte payload, %d-byte metadata) per transaction, autocommit, for 15 s, into the same PostgreSQL
                (fsync on, synchronous_commit on). Kafka: 300 000 records of %d bytes to a 6-partition topic on the
                same broker, then read back by one consumer.
                """.formatted(Baselines.PAYLOAD.length, Baselines.METADATA.length, Baselines.PAYLOAD.length + 300));
    }

    void throughput(double rate, int workers, double rawInserts, List<Double> warmUp,
                    Map<Integer, java.util.concurrent.atomic.AtomicLong> statuses) {
        row("commands/s through the gateway (%d people at once)".formatted(workers), "%.0f".formatted(rate),
                "≥ 40 %% of raw inserts (%d writers) = %.0f".formatted(options.concurrency(), 0.4 * rawInserts), rate >= 0.4 * rawInserts);
        row("commands/s as a share of raw inserts/s", "%.0f %%".formatted(100 * rate / rawInserts), "≥ 40 %", rate >= 0.4 * rawInserts);
        section("Commands per second", """
                %d people (%d associations × %d) each work on their own plan, command after command as fast as the
                platform answers: schedule an activity, mark it done, move a milestone's forecast, schedule another,
                add a risk (40 %% activity scheduling, 20 %% completion, 20 %% forecast moves, 20 %% risks; every plan
                command with If-Match). Counted over %d s after a warm-up of at least %d s that then ran on until the
                rate stopped rising (commands/s in each 10 s of it: %s); answers by status over the whole run: %s.
                """.formatted(workers, options.associations(), options.usersPerAssociation(), options.throughputSeconds(),
                options.warmupSeconds(), warmUp.stream().map(each -> "%.0f".formatted(each)).collect(java.util.stream.Collectors.joining(", ")),
                new TreeMap<>(statuses)));
    }

    /** CPU each part of the stack spent per command while the throughput was counted, and the ceiling that sets. */
    void cpuPerCommand(Map<String, Duration> cpu, long commands, double seconds) {
        String table = cpuTable(cpu, commands, 1e6, "CPU ms per command");
        double platform = cpu.entrySet().stream().filter(e -> !e.getKey().startsWith("bench"))
                .mapToDouble(e -> e.getValue().toNanos() / 1e6).sum() / commands;
        double all = cpu.values().stream().mapToDouble(each -> each.toNanos() / 1e6).sum() / commands;
        int cores = Runtime.getRuntime().availableProcessors();
        row("CPU per command, whole platform (ceiling it sets on %d cores)".formatted(cores),
                "%.1f ms (%.0f commands/s)".formatted(platform, cores * 1000 / platform), "", null);
        section("CPU per command", """
                CPU time each process used while the %d commands above were counted (%.0f s), from the kernel's
                accounts (`/proc`), divided by the commands. PostgreSQL is split by the database its backends
                serve. The platform's %.1f ms per command on %d cores set a ceiling of %.0f commands/s; the bench
                itself (load generator and SMTP server, on the same cores) used %.1f ms more. The cores were busy
                %.0f %% of the time.

                %s""".formatted(commands, seconds, platform, cores, cores * 1000 / platform, all - platform,
                busyPercent(cpu, seconds), table));
    }

    /** How busy the cores were over {@code seconds}, in per cent, from the CPU every process used in them. */
    private static double busyPercent(Map<String, Duration> cpu, double seconds) {
        return 100 * cpu.values().stream().mapToDouble(d -> d.toNanos() / 1e9).sum() / seconds
                / Runtime.getRuntime().availableProcessors();
    }

    /** Each process's CPU per unit of work ({@code nanosPerUnit}: 1e6 for ms, 1e3 for µs), largest first, with its share. */
    private static String cpuTable(Map<String, Duration> cpu, long units, double nanosPerUnit, String header) {
        StringBuilder table = new StringBuilder("| process | %s | share |\n| --- | ---: | ---: |\n".formatted(header));
        double all = cpu.values().stream().mapToDouble(each -> each.toNanos() / nanosPerUnit).sum() / units;
        cpu.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).forEach(e -> {
            double perUnit = e.getValue().toNanos() / nanosPerUnit / units;
            table.append("| %s | %.2f | %.0f %% |\n".formatted(e.getKey(), perUnit, 100 * perUnit / all));
        });
        return table.toString();
    }

    void profile(String run, String summary) {
        section("Where the time goes (profile of the " + run + ")", summary);
    }

    void gatewayOverhead(Histogram direct, Histogram through, Histogram coldDirect, Histogram coldThrough, long meanLength) {
        double ratio = (double) through.getValueAtPercentile(50) / direct.getValueAtPercentile(50);
        row("gateway overhead at p50 (plan read)", "%.2f× (%s vs %s ms)".formatted(ratio, millis(through, 50), millis(direct, 50)),
                "≤ 1.15×", ratio <= 1.15);
        row("gateway overhead at p99", "%.2f× (%s vs %s ms)".formatted((double) through.getValueAtPercentile(99)
                / direct.getValueAtPercentile(99), millis(through, 99), millis(direct, 99)), "", null);
        section("Gateway overhead", """
                `GET /api/plans/{id}` at 100/s for %d s (after reporting caught up with the command run), alternating: through the gateway (JWT validated, rate limits,
                identity signed) and straight to plan-service with signed identity headers. Service time of each
                request (ms): direct p50 %s, p90 %s, p99 %s; through the gateway p50 %s, p90 %s, p99 %s. A plan
                read answered %d characters of JSON on average.

                The command load seldom reads a plan, so the same reads ran for as long before, unmeasured, to
                warm the read path: in that round, direct p50 %s, p99 %s; through the gateway p50 %s, p99 %s.
                """.formatted(options.overheadSeconds(), millis(direct, 50), millis(direct, 90), millis(direct, 99),
                millis(through, 50), millis(through, 90), millis(through, 99), meanLength, millis(coldDirect, 50),
                millis(coldDirect, 99), millis(coldThrough, 50), millis(coldThrough, 99)));
    }

    void latency(int rate, int minutes, FixedRate.Result http, Histogram projection, long matched, long unmatched,
                 List<long[]> lag, Map<Integer, java.util.concurrent.atomic.AtomicLong> statuses, Map<String, Histogram> byKind) {
        boolean met = rate >= options.rate() && projection.getValueAtPercentile(99) <= 100_000_000L;
        if (rate < options.rate()) {
            row("sustained command rate for the latency run", rate + "/s (60 % of the measured capacity)",
                    options.rate() + "/s for " + minutes + " min", false);
        }
        row("command → projection p50 / p99 / max at %d/s for %d min".formatted(rate, minutes), "%s / %s / %s ms".formatted(
                millis(projection, 50), millis(projection, 99), millis(projection, 100)), "p99 ≤ 100 ms", met);
        long first = lag.isEmpty() ? 0 : lag.get(0)[1];
        long last = lag.isEmpty() ? 0 : lag.get(lag.size() - 1)[1];
        long max = lag.stream().mapToLong(l -> l[1]).max().orElse(0);
        row("reporting's consumer lag during that run (events): first / max / last", first + " / " + max + " / " + last,
                "does not grow", last <= Math.max(first, rate));
        row("command HTTP latency at %d/s, p50 / p99 (corrected)".formatted(rate), "%s / %s ms".formatted(
                millis(http.latency(), 50), millis(http.latency(), 99)), "", null);
        StringBuilder lagLine = new StringBuilder();
        lag.forEach(l -> lagLine.append(l[0]).append(" s: ").append(l[1]).append("; "));
        section("Command → projection latency", """
                A fixed schedule of %d commands/s (the same mix; the target's %d/s only where the throughput run
                showed the platform sustains it, otherwise 60 %% of the rate it sustained) for %d min: %d sent, %d accepted, achieved %.1f/s.
                The HTTP latency is measured from when each request was due (coordinated omission corrected):
                p50 %s, p90 %s, p99 %s, max %s ms. From each 2xx to the moment reporting committed the change
                (reporting's NOTIFY, heard by a LISTEN on its database): %d changes, p50 %s, p90 %s, p99 %s,
                p99.9 %s, max %s ms; %d accepted changes never seen within 60 s after the run.
                Answers by status (whole run so far): %s.
                Reporting's lag (topic end offsets, read just after its stored positions, minus those positions), every 10 s: %s

                Each command's own time, from sending it to its answer (not corrected: what the corrected latency
                adds is the wait before it was sent, for a thread or for the same person's command before it), by kind:

                | command | count | p50 | p90 | p99 | max (ms) |
                | --- | ---: | ---: | ---: | ---: | ---: |
                %s
                """.formatted(rate, options.rate(), minutes, http.sent(), http.succeeded(), http.perSecond(),
                millis(http.latency(), 50), millis(http.latency(), 90), millis(http.latency(), 99), millis(http.latency(), 100),
                matched, millis(projection, 50), millis(projection, 90), millis(projection, 99), millis(projection, 99.9),
                millis(projection, 100), unmatched, new TreeMap<>(statuses), lagLine,
                new TreeMap<>(byKind).entrySet().stream().map(e -> "| %s | %d | %s | %s | %s | %s |".formatted(e.getKey(),
                        e.getValue().getTotalCount(), millis(e.getValue(), 50), millis(e.getValue(), 90), millis(e.getValue(), 99),
                        millis(e.getValue(), 100))).collect(java.util.stream.Collectors.joining("\n"))));
    }

    void reminders(long due, double createSeconds, int sent, double seconds, List<long[]> stages) {
        row("reminder sweep: %d due activities into the SMTP server".formatted(due), "%d emails in %.0f s (%.0f/s)"
                .formatted(sent, seconds, sent / seconds), "all sent", sent >= due);
        StringBuilder timeline = new StringBuilder("| s | ActivityDueSoon appended | emails queued | emails sent | emails received |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n");
        stages.forEach(s -> timeline.append("| %d | %d | %d | %d | %d |\n".formatted(s[0], s[1], s[2], s[3], s[4])));
        section("Reminder sweep", """
                %d activities, each with a responsible person who has an email address, due 40 days ahead, imported
                through the gateway in requests of 250 rows (%.0f s). Once activity-service's occurrence projection held them all,
                every association's due-soon lead time was set to 60 days, so the
                next sweep finds them all due: the sweep appends `ActivityDueSoon` to each activity, notification-service
                turns each into one queued email and sends it. Timed from the settings change to the last email
                received by the SMTP server: %d emails in %.0f s.

                Where the reminders were, counted every 5 s from the settings change (activity-service's event store,
                notification-service's outbox, the SMTP server):

                %s""".formatted(due, createSeconds, sent, seconds, timeline));
    }

    void scan(double[] activity, double[] plan) {
        row("raw sequential scan of the event table, rows/s", "%.0f (%.0f rows)".formatted(activity[0], activity[1]), "baseline", null);
        section("Raw scan", """
                `SELECT` every column of activity-service's `domain_event_entry`, streamed (fetch size 10 000), second
                of two passes: %.0f rows/s over %.0f rows. plan-service's: %.0f rows/s over %.0f rows.
                """.formatted(activity[0], activity[1], plan[0], plan[1]));
    }

    void replay(long events, double seconds, double rate, double rawScan, boolean profiled, Map<String, Duration> cpu, long applied) {
        row("replay of the reporting projections, events/s (%d events)".formatted(events), "%.0f (%.0f %% of the raw scan)"
                .formatted(rate, 100 * rate / rawScan), "≥ 50 % of raw scan", rate >= 0.5 * rawScan);
        section("Replay", """
                The topics held %d events: those the command load produced, and copies of them as new associations
                (every id renamed, same order per aggregate). reporting-service restarted with `CONSUMER_REBUILD=true`
                (tables and positions emptied, topics read from offset zero), with activity- and notification-service
                stopped so that reporting had the machine. Timed from its first stored position to its positions
                reaching the topics' end: %.0f s, %.0f events/s, %s.

                CPU time each process used over the same span, from the kernel's accounts, per event applied (%d);
                PostgreSQL split by the database its backends serve. The cores were busy %.0f %% of the time.

                %s""".formatted(events, seconds, rate, profiled ? "with JFR profiling every JVM for the first two minutes"
                : "with no profiler attached (the profile of the same intake is the scale run's, below)", applied,
                busyPercent(cpu, seconds),
                cpuTable(cpu, applied, 1e3, "CPU µs per event")));
    }

    /** Where PostgreSQL's time in the replay went, by statement, and the WAL it wrote. */
    void statements(List<Statements.Spent> top, Statements.Wal wal, long applied) {
        StringBuilder text = new StringBuilder("""
                PostgreSQL's own accounts of the replay (pg_stat_statements in the reporting database, from the
                rebuild's restart to its end; execution time, not CPU, and not counting parse or commit). The whole
                server wrote %d WAL records per event, %.2f full-page images per event and %.1f kB of WAL per event.

                | statement | calls | rows | ms | µs per event | WAL full-page images | WAL MB | pages read | pages written |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """.formatted(wal.records() / Math.max(1, applied), (double) wal.fullPageImages() / Math.max(1, applied),
                wal.bytes() / 1024.0 / Math.max(1, applied)));
        for (Statements.Spent spent : top) {
            text.append("| `").append(spent.text().replace("|", "\\|").replace("`", "'")).append("` | ").append(spent.calls())
                    .append(" | ").append(spent.rows()).append(" | %.0f | %.1f | %d | %.0f | %d | %d |\n".formatted(spent.millis(),
                            1000 * spent.millis() / Math.max(1, applied), spent.fullPageImages(), spent.walBytes() / 1e6,
                            spent.blocksRead(), spent.blocksWritten()));
        }
        section("PostgreSQL in the replay", text.toString());
    }

    void scale(long before, long total, int copies, double producing, double seconds, long databaseBytes) {
        row("reporting applying %d more events while they are produced, events/s".formatted(total - before),
                "%.0f".formatted((total - before) / seconds), "", null);
        section("Growing to the scale", """
                After the replay the bench copied the history further, until the topics held %d events (%d copies of the
                command load's associations in all), with reporting-service live: producing the %d new records took
                %.0f s, and reporting had applied all of them %.0f s after the first was sent (%.0f events/s; JFR
                profiled every JVM for the first two minutes). Its database then took %.1f GB on disk.
                """.formatted(total, copies, total - before, producing, seconds, (total - before) / seconds, databaseBytes / 1e9));
    }

    void portfolio(Map<String, FixedRate.Result> results, int associations, long events) {
        results.forEach((path, result) -> row("`%s` p99 (%d associations, %d events)".formatted(path, associations, events),
                "%s ms".formatted(millis(result.latency(), 99)), "", null));
        StringBuilder text = new StringBuilder("""
                20 requests/s for 60 s each, each by a reader of one of the %d associations in turn, on a reporting \
                database holding the projections of %d events. Each of the command load's plans has a monthly reporting \
                cadence over its two years, so each row names the plan's next report due:

                """.formatted(associations, events));
        results.forEach((path, result) -> text.append("- `").append(path).append("`: p50 ").append(millis(result.latency(), 50))
                .append(", p99 ").append(millis(result.latency(), 99)).append(", max ").append(millis(result.latency(), 100))
                .append(" ms (").append(result.succeeded()).append(" of ").append(result.sent()).append(" answered 200)\n"));
        section("Portfolio and status at scale", text.toString());
    }

    void write() throws IOException {
        StringBuilder out = new StringBuilder("# Samplan benchmark report\n\n");
        out.append("Produced by `").append(options.command()).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        out.append("Machine: ").append(machine()).append("\n\n");
        out.append("Services run with `").append(options.javaOptions()).append("`; PostgreSQL ")
                .append("with fsync, synchronous_commit and full_page_writes on, for the platform and the baselines alike.\n\n");
        out.append("| figure | value | target | |\n| --- | --- | --- | --- |\n");
        summary.forEach(line -> out.append(line).append('\n'));
        out.append(details);
        Files.writeString(options.report(), out);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.replaceAll(".*:\\s*", "")).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return "%d cores (%s), %.1f GB memory, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(), cpu,
                memory / 1e9, System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }
}
