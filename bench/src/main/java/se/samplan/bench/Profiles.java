package se.samplan.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * JFR recordings of each service while the load runs (jcmd JFR.start), summarized: where the CPU
 * samples are, by the hottest methods and by the first frame of our own code or the library that
 * called into the hot path.
 */
final class Profiles {

    private final Path directory;
    private final Map<String, Long> pids;

    Profiles(Path directory, Map<String, Long> pids) {
        this.directory = directory;
        this.pids = pids;
    }

    void start(int seconds) throws Exception {
        Files.createDirectories(directory);
        for (Map.Entry<String, Long> process : recorded()) {
            jcmd(process.getValue(), "JFR.start", "name=bench", "settings=profile", "duration=" + seconds + "s",
                    "filename=" + directory.resolve(process.getKey() + ".jfr"));
        }
    }

    /** Ends the recordings now (a run shorter than their duration); one that has already ended is left as written. */
    void stop() throws Exception {
        for (Map.Entry<String, Long> process : recorded()) {
            jcmd(process.getValue(), "JFR.stop", "name=bench");
        }
    }

    /** The JVMs of the platform: not PostgreSQL, and not the bench itself. */
    private List<Map.Entry<String, Long>> recorded() {
        return pids.entrySet().stream().filter(p -> !p.getKey().equals("postgres") && !p.getKey().equals("launcher")).toList();
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Markdown: per process, its share of the CPU samples and where they fall. */
    String summary() throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, Long> totals = new java.util.LinkedHashMap<>();
        Map<String, String> details = new java.util.LinkedHashMap<>();
        for (String name : pids.keySet()) {
            Path file = directory.resolve(name + ".jfr");
            if (!Files.exists(file)) {
                continue;
            }
            Map<String, Long> self = new HashMap<>();
            Map<String, Long> ours = new HashMap<>();
            long samples = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(method(frames.get(0)), 1L, Long::sum);
                frames.stream().map(Profiles::method).filter(m -> m.startsWith("se.samplan")).findFirst()
                        .ifPresentOrElse(m -> ours.merge(m, 1L, Long::sum), () -> ours.merge("(no Samplan frame: "
                                + frames.stream().map(Profiles::method).filter(m -> !m.startsWith("java.") && !m.startsWith("jdk.")
                                        && !m.startsWith("sun.")).reduce((a, b) -> b).orElse("JVM") + ")", 1L, Long::sum));
            }
            totals.put(name, samples);
            details.put(name, "### " + name + " (" + samples + " samples)\n\nHottest methods (self):\n\n" + top(self, samples)
                    + "\nBy the innermost Samplan frame on the stack:\n\n" + top(ours, samples));
        }
        long all = totals.values().stream().mapToLong(Long::longValue).sum();
        out.append("CPU samples per process while it ran (JFR, profile settings): ");
        out.append(totals.entrySet().stream().map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / Math.max(1, all)) + " %")
                .collect(Collectors.joining(", "))).append(".\n\n");
        details.values().forEach(d -> out.append(d).append('\n'));
        return out.toString();
    }

    private static String top(Map<String, Long> counts, long samples) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .map(e -> "- %.1f %% `%s`".formatted(100.0 * e.getValue() / Math.max(1, samples), e.getKey()))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
