package se.samplan.bench;

import se.samplan.localstack.LocalStack;
import se.samplan.localstack.Ports;
import se.samplan.localstack.StackConfig;
import se.samplan.testkit.TestIdentity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;

/** The whole platform as {@code ./samplan-local} runs it (PostgreSQL with fsync on), on free loopback ports, without demo data. */
final class BenchStack {

    /** Full JIT, unlike the local stack's start-fast default: what a deployment runs. */
    static final String SERVICE_JAVA_OPTIONS = "-Xmx384m -Xss512k -XX:+UseSerialGC";

    private static final List<LocalStack> STARTED = new CopyOnWriteArrayList<>();

    static {
        // A run stopped from outside (Ctrl-C, SIGTERM) skips the try-with-resources that closes its stack:
        // without this hook the services, Kafka and PostgreSQL it started would keep running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(LocalStack::close), "stop-bench-stacks"));
    }

    private BenchStack() {
    }

    static LocalStack start(Path repository, String javaOptions) throws Exception {
        Path data = Files.createTempDirectory("samplan-bench");
        List<String> args = new ArrayList<>(List.of(
                "--data-dir=" + data,
                "--services-dir=" + repository.resolve("local-stack/target/services"),
                "--lib-dir=" + repository.resolve("local-stack/target/lib"),
                "--demo-data=false",
                // The test kit's identity secret, so the bench can also call a service directly (gateway overhead).
                "--identity-secret=" + TestIdentity.DEV_SECRET,
                "--service-java-options=" + javaOptions));
        args.addAll(Ports.stackFlags());
        LocalStack stack = LocalStack.start(StackConfig.fromArgs(args.toArray(String[]::new), Map.of(), data));
        STARTED.add(stack);
        return stack;
    }

    /** After a run that ended well: the stacks' data (gigabytes after the scale run) goes; a failed run keeps it and its logs. */
    static void deleteData() {
        STARTED.forEach(LocalStack::deleteData);
        STARTED.clear();
    }

    static String jdbc(LocalStack stack, String database) {
        return "jdbc:postgresql://127.0.0.1:" + stack.config().postgresPort() + "/" + database;
    }

    /**
     * Memory of each process with its child processes (PostgreSQL's backends), in MB: proportional
     * set size (shared pages divided among the processes that share them, so the sum is the machine's
     * real use) and the peak resident size of the main process.
     */
    static Map<String, long[]> memory(LocalStack stack) {
        Map<String, long[]> memory = new java.util.LinkedHashMap<>();
        stack.processIds().forEach((name, pid) -> {
            List<Long> pids = new ArrayList<>(List.of(pid));
            if (!name.equals("launcher")) {
                // PostgreSQL's backends; the launcher's children are the services, counted on their own.
                ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
            }
            long pss = 0;
            for (long each : pids) {
                pss += field(Path.of("/proc/" + each + "/smaps_rollup"), "Pss:");
            }
            memory.put(name, new long[] {pss / 1024, field(Path.of("/proc/" + pid + "/status"), "VmHWM:") / 1024});
        });
        return memory;
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception gone) {
            // the process ended
        }
        return 0;
    }
}
