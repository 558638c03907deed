package se.samplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each process of the stack has used so far, from the kernel's own accounts. Two samples
 * around a run give the CPU each part of the platform spent on it. PostgreSQL is split by database:
 * each backend's process title names the database it serves, and the background processes (WAL
 * writer, checkpointer, autovacuum) are counted together.
 */
final class CpuTimes {

    private CpuTimes() {
    }

    static Map<String, Duration> sample(Map<String, Long> processIds) {
        Map<String, Duration> times = new LinkedHashMap<>();
        processIds.forEach((name, pid) -> {
            if (name.equals("postgres")) {
                ProcessHandle.of(pid).ifPresent(postmaster -> {
                    add(times, "postgres (background)", postmaster);
                    postmaster.children().forEach(backend -> add(times, postgresPart(backend.pid()), backend));
                });
            } else {
                // The launcher is the bench itself: the load generator and the SMTP server.
                ProcessHandle.of(pid).ifPresent(process -> add(times, name.equals("launcher") ? "bench (load, SMTP)" : name, process));
            }
        });
        return times;
    }

    /** CPU used between two samples, per part; a backend that ended between them loses its share. */
    static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        after.forEach((name, time) -> {
            Duration spent = time.minus(before.getOrDefault(name, Duration.ZERO));
            used.put(name, spent.isNegative() ? Duration.ZERO : spent);
        });
        return used;
    }

    private static void add(Map<String, Duration> times, String name, ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(cpu -> times.merge(name, cpu, Duration::plus));
    }

    /** "postgres: user database host(port) state" for a backend, anything else for the background. */
    private static String postgresPart(long pid) {
        try {
            String[] title = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim().split("\\s+");
            if (title.length >= 4 && title[0].equals("postgres:") && title[3].contains("(")) {
                return "postgres (" + title[2] + ")";
            }
        } catch (IOException ended) {
            // gone between listing and reading
        }
        return "postgres (background)";
    }
}
