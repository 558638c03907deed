package se.samplan.bench;

import org.HdrHistogram.Histogram;
import se.samplan.localstack.LocalStack;
import se.samplan.testkit.TestIdentity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static se.samplan.bench.FixedRate.millis;

/**
 * The benchmark run behind {@code bench/run}: starts the platform, measures this machine's raw
 * limits and then the platform against them, and writes {@code bench/REPORT.md}.
 */
public final class Bench {

    private final Options options;
    private final Report report;
    private final Http http = new Http();

    private Bench(Options options) {
        this.options = options;
        this.report = new Report(options);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.mode().equals("faults")) {
            Faults.run(options);
        } else if (options.mode().equals("reminders")) {
            new Bench(options).runReminders();
        } else if (options.mode().equals("replay")) {
            new Bench(options).runReplay();
        } else if (options.mode().equals("gateway")) {
            new Bench(options).runGateway();
        } else {
            new Bench(options).run();
        }
        BenchStack.deleteData();
        System.exit(0);
    }

    private void run() throws Exception {
        long starting = System.nanoTime();
        try (LocalStack stack = BenchStack.start(options.repository(), options.javaOptions())) {
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            Map<String, long[]> idle = BenchStack.memory(stack);
            report.footprint(startSeconds, idle);
            log("stack up in %.0f s", startSeconds);

            String planDb = BenchStack.jdbc(stack, "plan");
            String activityDb = BenchStack.jdbc(stack, "activity");
            String reportingDb = BenchStack.jdbc(stack, "reporting");
            double insertsOne = Baselines.inserts(activityDb, 1, Duration.ofSeconds(15));
            double insertsMany = Baselines.inserts(activityDb, options.concurrency(), Duration.ofSeconds(15));
            double[] kafka = Baselines.kafka(stack.config().kafkaBootstrap(), 300_000);
            report.baselines(insertsOne, insertsMany, kafka);
            log("raw inserts/s %.0f (1 writer), %.0f (%d writers); kafka produce %.0f/s consume %.0f/s",
                    insertsOne, insertsMany, options.concurrency(), kafka[0], kafka[1]);

            Workload workload = new Workload(http, stack.gatewayUrl(), false, Map.of());
            List<Workload.User> users = workload.setUp(stack.tokens(), options.associations(), options.usersPerAssociation());
            log("%d people with a plan each", users.size());

            double capacity = throughput(stack, workload, users, insertsMany);
            settle(stack, reportingDb);
            gatewayOverhead(stack, users, false);
            settle(stack, reportingDb);
            // Offered above what the platform sustains, the queue only grows and latency measures the queue.
            int rate = options.rate() <= Math.floor(capacity) ? options.rate() : Math.max(1, (int) Math.floor(0.6 * capacity));
            latency(stack, workload, users, reportingDb, rate);
            report.memoryAfterLoad(BenchStack.memory(stack));
            if (options.reminders() > 0) {
                reminders(stack, false);
            }
            double[] scan = Baselines.scan(activityDb);
            double[] planScan = Baselines.scan(planDb);
            report.scan(scan, planScan);
            log("raw scan %.0f rows/s over %.0f rows", scan[0], scan[1]);
            Replay.History history = replay(stack, reportingDb, scan[0], false);
            scale(stack, reportingDb, history);
            cadences(stack, users);
            portfolio(stack);
        }
        report.write();
        log("wrote %s", options.report());
    }

    /** Only the reminder sweep, with its profile: to find what bounds it without the hour-long full run. */
    private void runReminders() throws Exception {
        try (LocalStack stack = BenchStack.start(options.repository(), options.javaOptions())) {
            reminders(stack, true);
        }
        report.write();
        log("wrote %s", options.report());
    }

    /**
     * Only the replay, with its profile: the command load makes the history that the replay
     * copies up to {@code --replay-events}, without the rest of the full run.
     */
    private void runReplay() throws Exception {
        afterCommandLoad((stack, users, activityDb, reportingDb) -> {
            double[] scan = Baselines.scan(activityDb);
            report.scan(scan, Baselines.scan(BenchStack.jdbc(stack, "plan")));
            replay(stack, reportingDb, scan[0], true);
        });
    }

    /**
     * Only the gateway overhead, with every JVM profiled while it runs: after the same command load as
     * the full run's (which grows the plans that the phase reads), without the rest of the full run.
     */
    private void runGateway() throws Exception {
        afterCommandLoad((stack, users, activityDb, reportingDb) -> gatewayOverhead(stack, users, true));
    }

    /** One phase of the full run, on its own: what it gets after the command load. */
    private interface Phase {
        void run(LocalStack stack, List<Workload.User> users, String activityDb, String reportingDb) throws Exception;
    }

    /** Starts the stack, runs the full run's command load and waits for reporting to catch up; then the phase, and the report. */
    private void afterCommandLoad(Phase phase) throws Exception {
        try (LocalStack stack = BenchStack.start(options.repository(), options.javaOptions())) {
            String activityDb = BenchStack.jdbc(stack, "activity");
            String reportingDb = BenchStack.jdbc(stack, "reporting");
            Workload workload = new Workload(http, stack.gatewayUrl(), false, Map.of());
            List<Workload.User> users = workload.setUp(stack.tokens(), options.associations(), options.usersPerAssociation());
            throughput(stack, workload, users, Baselines.inserts(activityDb, options.concurrency(), Duration.ofSeconds(15)));
            settle(stack, reportingDb);
            phase.run(stack, users, activityDb, reportingDb);
        }
        report.write();
        log("wrote %s", options.report());
    }

    /** Waits until reporting has applied everything on the topics, so the next measurement starts on a quiet machine. */
    private static void settle(LocalStack stack, String reportingDb) throws Exception {
        await(() -> Replay.positions(reportingDb) >= Replay.ends(stack.config().kafkaBootstrap()), 600);
        Thread.sleep(5_000);
    }

    private double throughput(LocalStack stack, Workload workload, List<Workload.User> users, double rawInserts) throws Exception {
        int workers = Math.min(options.concurrency(), users.size());
        AtomicLong done = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.execute(() -> {
                int turn = 0;
                while (running.get()) {
                    // Each worker is a few people, one after the other.
                    Workload.User user = users.get(worker + workers * (turn++ % Math.max(1, users.size() / workers)));
                    synchronized (user) {
                        if (workload.next(user).accepted()) {
                            done.incrementAndGet();
                        }
                    }
                }
            });
        }
        List<Double> warmUp = warmUp(done);
        Map<String, Duration> cpuBefore = CpuTimes.sample(stack.processIds());
        long counted = done.get();
        long started = System.nanoTime();
        Thread.sleep(options.throughputSeconds() * 1000L);
        counted = done.get() - counted;
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Duration> cpu = CpuTimes.between(cpuBefore, CpuTimes.sample(stack.processIds()));
        double rate = counted / seconds;
        // Profiled after the count, under the same load: JFR's profile settings cost the six JVMs about
        // as much CPU again as the commands (48 against 96 commands/s when it ran during the count).
        int profiled = Math.min(30, options.throughputSeconds());
        Profiles profiles = new Profiles(options.repository().resolve("bench/target/jfr"), stack.processIds());
        profiles.start(profiled);
        Thread.sleep(profiled * 1000L + 2000);
        profiles.stop();
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        Thread.sleep(2000);
        report.throughput(rate, workers, rawInserts, warmUp, Map.copyOf(workload.statuses));
        report.cpuPerCommand(cpu, counted, seconds);
        report.profile("command load, the %d s after the count".formatted(profiled), profiles.summary());
        log("commands/s %.0f (%.0f %% of raw inserts)", rate, 100 * rate / rawInserts);
        return rate;
    }

    /**
     * Runs the load in windows of 10 s until its rate stops rising: the JIT compiles the long command
     * path over thousands of commands, and a platform that runs for weeks is measured warm. Runs at
     * least {@code --warmup-seconds}, then on while the last 60 s ran more than 2 % faster than the 60 s
     * before them, for at most as long again: the 10 s windows are noisy, and the comparison alone
     * once stopped a run after 140 s while the rate was still rising by half.
     */
    private List<Double> warmUp(AtomicLong done) throws InterruptedException {
        List<Double> windows = new ArrayList<>();
        long started = System.nanoTime();
        long least = started + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long most = started + TimeUnit.SECONDS.toNanos(2L * options.warmupSeconds());
        while (System.nanoTime() < most) {
            long before = done.get();
            long windowStarted = System.nanoTime();
            Thread.sleep(10_000);
            windows.add((done.get() - before) / ((System.nanoTime() - windowStarted) / 1e9));
            int n = windows.size();
            if (System.nanoTime() >= least && n >= 12
                    && mean(windows.subList(n - 6, n)) <= 1.02 * mean(windows.subList(n - 12, n - 6))) {
                break;
            }
        }
        log("warm-up, commands/s per 10 s: %s", windows.stream().map(rate -> "%.0f".formatted(rate)).toList());
        return windows;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The same reads through the gateway and straight to plan-service: their service times, and the mean answer's length. */
    private record Reads(Histogram direct, Histogram through, long meanLength) {
    }

    /**
     * The same read through the gateway and straight to plan-service, interleaved on one schedule. The
     * command load seldom reads a plan, so the read path (a plan's view as JSON, the gateway's answer of
     * that size) starts cold: a first round at the same rate warms it, as the commands' warm-up does
     * theirs, and only the second is measured.
     */
    private void gatewayOverhead(LocalStack stack, List<Workload.User> users, boolean profile) throws Exception {
        Reads cold = reads(stack, users);
        log("plan read p50 while warming: direct %s ms, through the gateway %s ms", millis(cold.direct(), 50),
                millis(cold.through(), 50));
        Profiles profiles = new Profiles(options.repository().resolve("bench/target/jfr-gateway"), stack.processIds());
        if (profile) {
            profiles.start(options.overheadSeconds());
        }
        Reads warm = reads(stack, users);
        if (profile) {
            profiles.stop();
            report.profile("gateway overhead phase", profiles.summary());
        }
        report.gatewayOverhead(warm.direct(), warm.through(), cold.direct(), cold.through(), warm.meanLength());
        log("plan read p50 direct %s ms, through the gateway %s ms", millis(warm.direct(), 50), millis(warm.through(), 50));
    }

    private Reads reads(LocalStack stack, List<Workload.User> users) throws Exception {
        Histogram direct = new org.HdrHistogram.ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
        Histogram through = new org.HdrHistogram.ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
        String service = stack.serviceUrl("plan-service");
        AtomicLong length = new AtomicLong();
        FixedRate.Result reads = FixedRate.run(100, Duration.ofSeconds(options.overheadSeconds()), 64, i -> {
            Workload.User user = users.get((i / 2) % users.size());
            long started = System.nanoTime();
            Http.Answer answer;
            if (i % 2 == 0) {
                answer = http.send("GET", service + "/api/plans/" + user.planId,
                        TestIdentity.headers(user.association, user.name, "communicator"), null);
                direct.recordValue(System.nanoTime() - started);
            } else {
                answer = http.send("GET", stack.gatewayUrl() + "/api/plans/" + user.planId, Workload.auth(user), null);
                through.recordValue(System.nanoTime() - started);
            }
            if (!answer.ok()) {
                throw new IllegalStateException("GET plan answered " + answer.status() + ": " + answer.text());
            }
            length.addAndGet(answer.text().length());
            return true;
        });
        return new Reads(direct, through, length.get() / Math.max(1, reads.sent()));
    }

    /** A fixed 300 commands/s: HTTP latency, and from each 2xx to the change committed in reporting. */
    private void latency(LocalStack stack, Workload workload, List<Workload.User> users, String reportingDb, int rate) throws Exception {
        List<long[]> lag = new ArrayList<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        long started = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    // Positions first: the ends read after them only grew, so a sample is never below the true lag, nor below 0.
                    long applied = Replay.positions(reportingDb);
                    long behind = Replay.ends(stack.config().kafkaBootstrap()) - applied;
                    synchronized (lag) {
                        lag.add(new long[] {(System.nanoTime() - started) / 1_000_000_000L, behind});
                    }
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    return;
                }
            }
        }, "lag-sampler");
        try (ProjectionWatch watch = new ProjectionWatch(reportingDb)) {
            sampler.start();
            // Each command's own time (from sending it to its answer), by kind: what the corrected latency adds is waiting.
            Map<String, Histogram> own = new java.util.concurrent.ConcurrentHashMap<>();
            FixedRate.Result result = FixedRate.run(rate, Duration.ofMinutes(options.minutes()), 256, i -> {
                Workload.User user = users.get(i % users.size());
                Workload.Outcome outcome;
                synchronized (user) {
                    long sent = System.nanoTime();
                    outcome = workload.next(user);
                    Histogram kind = own.computeIfAbsent(outcome.kind(),
                            k -> new org.HdrHistogram.ConcurrentHistogram(TimeUnit.MINUTES.toNanos(10), 3));
                    kind.recordValue(Math.min(System.nanoTime() - sent, kind.getHighestTrackableValue()));
                }
                if (outcome.accepted()) {
                    watch.expect(outcome.change(), System.nanoTime());
                }
                return outcome.accepted();
            });
            // Let the last changes arrive.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (watch.unmatched() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            sampling.set(false);
            sampler.join();
            report.latency(rate, options.minutes(), result, watch.latency(), watch.matched(), watch.unmatched(), lag,
                    Map.copyOf(workload.statuses), own);
            log("at %d/s: HTTP p99 %s ms; to reporting p50 %s p99 %s max %s ms; %d never seen", rate,
                    millis(result.latency(), 99), millis(watch.latency(), 50), millis(watch.latency(), 99),
                    millis(watch.latency(), 100), watch.unmatched());
        }
    }

    /**
     * Due activities for every person who answers for them, then the sweep: each association's lead
     * time widened at once, so the next sweep finds them all due soon; timed until the last email.
     */
    private void reminders(LocalStack stack, boolean profile) throws Exception {
        int associations = options.associations();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        Map<String, String> people = new LinkedHashMap<>();
        Map<String, Workload.User> admins = new LinkedHashMap<>();
        for (int a = 0; a < associations; a++) {
            String association = Workload.association(a);
            Workload.User admin = new Workload.User(association, association + "-admin",
                    stack.tokens().issue(association + "-admin", association, List.of("association-admin"), Duration.ofHours(6)));
            admins.put(association, admin);
            String person = "p-" + association;
            Http.Answer answer = http.send("PUT", stack.gatewayUrl() + "/api/notifications/people/" + person, Workload.auth(admin),
                    Map.of("name", "Ansvarig " + association, "email", person + "@bench.example", "roles", List.of("Kommunikatör")));
            Workload.require(answer);
            people.put(association, person);
            Http.Answer plan = http.send("POST", stack.gatewayUrl() + "/api/plans", Workload.auth(admin), Map.of("title", "Påminnelser"));
            Workload.require(plan);
            admin.planId = plan.body().get("planId").asText();
        }
        Thread.sleep(3000);
        int perAssociation = options.reminders() / associations;
        String activityDb = BenchStack.jdbc(stack, "activity");
        long occurrencesBefore = Faults.single(activityDb, "SELECT count(*) FROM occurrence_row");
        AtomicLong scheduled = new AtomicLong();
        long creating = System.nanoTime();
        ExecutorService creators = Executors.newFixedThreadPool(32);
        List<java.util.concurrent.Future<?>> created = new ArrayList<>();
        // Through the activity import, a few hundred rows a request (one transaction each), as an association
        // bringing in its activity plan would: scheduling 100 000 one request each would take half an hour here.
        for (Workload.User admin : admins.values()) created.add(creators.submit(() -> {
            for (int first = 0; first < perAssociation; first += IMPORT_ROWS) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = first; i < Math.min(perAssociation, first + IMPORT_ROWS); i++) {
                    rows.add(Map.of("title", "Påminnelse " + i, "when", today.plusDays(40).toString(),
                            "responsible", List.of("person:" + people.get(admin.association))));
                }
                Http.Answer answer;
                int attempts = 0;
                do {
                    answer = http.send("POST", stack.gatewayUrl() + "/api/activities/imports?planId=" + admin.planId,
                            Workload.auth(admin), rows);
                } while (!answer.ok() && ++attempts < 20 && pause(answer));
                Workload.require(answer);
                scheduled.addAndGet(answer.body().get("activityIds").size());
            }
            return null;
        }));
        for (java.util.concurrent.Future<?> each : created) {
            each.get();
        }
        creators.shutdown();
        double createSeconds = (System.nanoTime() - creating) / 1e9;
        log("%d due activities scheduled in %.0f s", scheduled.get(), createSeconds);
        // The sweep reads activity-service's occurrence projection; the import outruns it, so the sweep is
        // timed from when the projection holds every activity, not from when the first few are in it.
        await(() -> Faults.single(activityDb, "SELECT count(*) FROM occurrence_row") >= occurrencesBefore + scheduled.get(), 1800);
        int before = stack.receivedMail().size();
        long sweeping = System.nanoTime();
        for (Workload.User admin : admins.values()) {
            Workload.require(http.send("PUT", stack.gatewayUrl() + "/api/activities/settings", Workload.auth(admin), Map.of("dueSoonLeadDays", 60)));
        }
        Profiles profiles = new Profiles(options.repository().resolve("bench/target/jfr-reminders"), stack.processIds());
        if (profile) {
            profiles.start(Math.min(120, options.reminderMinutes() * 60));
        }
        // Where each reminder is, every 5 s: appended as ActivityDueSoon, queued as an email, sent, received.
        String notificationDb = BenchStack.jdbc(stack, "notification");
        List<long[]> stages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(options.reminderMinutes());
        int sent = 0;
        long sampled = 0;
        while (System.nanoTime() < deadline) {
            sent = stack.receivedMail().size() - before;
            if (System.nanoTime() - sampled >= TimeUnit.SECONDS.toNanos(5) || sent >= scheduled.get()) {
                sampled = System.nanoTime();
                stages.add(reminderStages(activityDb, notificationDb, (sampled - sweeping) / 1_000_000_000L, sent));
            }
            if (sent >= scheduled.get()) {
                break;
            }
            Thread.sleep(1000);
        }
        double seconds = (System.nanoTime() - sweeping) / 1e9;
        report.reminders(scheduled.get(), createSeconds, sent, seconds, stages);
        if (profile) {
            profiles.stop();
            report.profile("reminder sweep", profiles.summary());
        }
        log("%d of %d reminders in the SMTP server %.0f s after the lead time changed", sent, scheduled.get(), seconds);
    }

    /** Seconds since the lead time changed, reminders appended, emails queued, emails sent, emails received. */
    private static long[] reminderStages(String activityDb, String notificationDb, long second, int received) throws Exception {
        return new long[] {second, Faults.single(activityDb, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ActivityDueSoon'"),
                Faults.single(notificationDb, "SELECT count(*) FROM outbound_email WHERE kind = 'due-soon'"),
                Faults.single(notificationDb, "SELECT count(*) FROM outbound_email WHERE kind = 'due-soon' AND status = 'SENT'"), received};
    }

    /** Activity rows per import request in the reminder workload (the gateway takes bodies up to 1 MB). */
    private static final int IMPORT_ROWS = 250;

    private static boolean pause(Http.Answer answer) {
        try {
            Thread.sleep(answer.status() == 429 ? 1000 : 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /**
     * Every projection rebuilt from offset zero of topics holding {@code replayEvents} events;
     * answers the history, to grow it further.
     */
    private Replay.History replay(LocalStack stack, String reportingDb, double rawScan, boolean profiled) throws Exception {
        // Only reporting reads during the replay; the other consumers would compete for the two cores.
        stack.stop("notification-service");
        stack.stop("activity-service");
        await(() -> Replay.positions(reportingDb) >= Replay.ends(stack.config().kafkaBootstrap()), 300);
        Replay.History history = Replay.History.read(stack.config().kafkaBootstrap());
        long total = history.growTo(options.replayEvents());
        log("topics hold %d events; rebuilding reporting", total);
        AtomicLong firstSeen = new AtomicLong();
        AtomicLong positionAtStart = new AtomicLong();
        Thread watch = new Thread(() -> {
            try {
                boolean emptied = false;
                while (true) {
                    long position = Replay.positions(reportingDb);
                    if (!emptied && position <= 0) {
                        emptied = true;
                    } else if (emptied && position > 0) {
                        firstSeen.set(System.nanoTime());
                        positionAtStart.set(position);
                        return;
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                // the database was briefly unreachable: keep watching
            }
        }, "replay-start");
        watch.start();
        Statements.reset(reportingDb);
        stack.restart("reporting-service", Map.of("CONSUMER_REBUILD", "true"));
        watch.join(TimeUnit.MINUTES.toMillis(5));
        // From here to the end: what each process spends per event (JFR sees only the JVMs, not PostgreSQL).
        Map<String, Duration> cpuBefore = CpuTimes.sample(stack.processIds());
        // Profiled only in `bench/run replay`: the profiler slows what is timed. The full run profiles the
        // same intake while it applies the scale run's copies.
        Profiles profiles = new Profiles(options.repository().resolve("bench/target/jfr-replay"), stack.processIds());
        if (profiled) {
            profiles.start(120);
        }
        long ends = Replay.ends(stack.config().kafkaBootstrap());
        await(() -> Replay.positions(reportingDb) >= ends, options.replayMinutes() * 60);
        double seconds = (System.nanoTime() - firstSeen.get()) / 1e9;
        Map<String, Duration> cpu = CpuTimes.between(cpuBefore, CpuTimes.sample(stack.processIds()));
        double rate = (ends - positionAtStart.get()) / seconds;
        report.replay(total, seconds, rate, rawScan, profiled, cpu, ends - positionAtStart.get());
        report.statements(Statements.top(reportingDb, 12), Statements.wal(reportingDb), ends - positionAtStart.get());
        if (profiled) {
            profiles.stop();
            report.profile("replay, its first two minutes", profiles.summary());
        }
        log("replayed %d events at %.0f events/s (%.0f %% of the raw scan)", total, rate, 100 * rate / rawScan);
        return history;
    }

    /**
     * Grows the history to {@code scaleEvents} for the portfolio and status views, with reporting
     * live: the copies are applied as they arrive, and the views are measured once all are.
     */
    private void scale(LocalStack stack, String reportingDb, Replay.History history) throws Exception {
        long before = Replay.ends(stack.config().kafkaBootstrap());
        if (options.scaleEvents() <= before) {
            return;
        }
        long started = System.nanoTime();
        // The replay's intake applying the copies, profiled for its first two minutes.
        Profiles profiles = new Profiles(options.repository().resolve("bench/target/jfr-replay"), stack.processIds());
        profiles.start(120);
        long total = history.growTo(options.scaleEvents());
        double producing = (System.nanoTime() - started) / 1e9;
        log("topics hold %d events (%d copies); reporting applies the rest", total, history.copies());
        long ends = Replay.ends(stack.config().kafkaBootstrap());
        await(() -> Replay.positions(reportingDb) >= ends, options.replayMinutes() * 60);
        double seconds = (System.nanoTime() - started) / 1e9;
        profiles.stop();
        report.profile("scale run: reporting applying the copies with the replay's intake, its first two minutes", profiles.summary());
        report.scale(before, total, history.copies(), producing, seconds, Faults.single(reportingDb, "SELECT pg_database_size(current_database())"));
        log("reporting applied %d more events in %.0f s", total - before, seconds);
    }

    /**
     * Each of the command load's plans reports monthly to its funder, as the associations' plans do, so
     * the portfolio and status views work out each plan's next report due over its two years of periods.
     */
    private void cadences(LocalStack stack, List<Workload.User> users) {
        for (Workload.User user : users) {
            Http.Answer answer = http.send("POST", stack.gatewayUrl() + "/api/reports/plans/" + user.planId + "/cadences",
                    Workload.auth(user), Map.of("recipient", "Finansiären", "frequency", "MONTHLY"));
            if (answer.status() != 201) {
                throw new IllegalStateException("No cadence for plan " + user.planId + ": " + answer.status() + " " + answer.text());
            }
        }
        log("%d plans report monthly", users.size());
    }

    /** The portfolio and status views of each association, on the replayed history. */
    private void portfolio(LocalStack stack) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int a = 0; a < options.associations(); a++) {
            tokens.add(stack.tokens().issue("bench-reader", Workload.association(a), List.of("reader"), Duration.ofHours(1)));
        }
        Map<String, FixedRate.Result> results = new LinkedHashMap<>();
        for (String path : List.of("/api/reports/portfolio", "/api/reports/status")) {
            results.put(path, FixedRate.run(20, Duration.ofSeconds(60), 32, i -> {
                Http.Answer answer = http.send("GET", stack.gatewayUrl() + path, Map.of("Authorization", "Bearer " + tokens.get(i % tokens.size())), null);
                return answer.ok();
            }));
            log("%s p99 %s ms", path, millis(results.get(path).latency(), 99));
        }
        long events = Replay.ends(stack.config().kafkaBootstrap());
        report.portfolio(results, options.associations(), events);
    }

    interface Check {
        boolean done() throws Exception;
    }

    static void await(Check check, long seconds) throws Exception {
        await(check, seconds, Duration.ofMillis(100));
    }

    /** Asks {@code check} every {@code poll} until it is done, for at most {@code seconds}. */
    static void await(Check check, long seconds, Duration poll) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done within " + seconds + " s");
            }
            Thread.sleep(poll.toMillis());
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("%tT bench: %s%n", System.currentTimeMillis(), format.formatted(args));
    }
}
