package se.samplan.bench;

import java.nio.file.Path;

/**
 * What to run and at what scale; every option is a {@code --name=value} flag. The defaults are the
 * issue's workloads: 300 commands/s for 10 minutes, a replay of 1 M events, the portfolio of 80
 * associations on 10 M events and a reminder sweep of 100 000 due activities.
 */
record Options(String mode, Path repository, Path report, int rate, int minutes, int concurrency, int warmupSeconds,
               int throughputSeconds,
               int overheadSeconds, int associations, int usersPerAssociation, long replayEvents, long scaleEvents,
               int replayMinutes,
               int reminders, int reminderMinutes, int faultRate, String javaOptions, String command) {

    static Options parse(String[] args) {
        String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "bench";
        Path repository = Path.of(get(args, "repository", ".")).toAbsolutePath().normalize();
        return new Options(mode, repository,
                Path.of(get(args, "report", repository.resolve(switch (mode) {
                    case "faults" -> "bench/FAULTS.md";
                    case "reminders" -> "bench/target/REMINDERS.md";
                    case "replay" -> "bench/target/REPLAY.md";
                    case "gateway" -> "bench/target/GATEWAY.md";
                    default -> "bench/REPORT.md";
                }).toString())),
                Integer.parseInt(get(args, "rate", "300")),
                Integer.parseInt(get(args, "minutes", "10")),
                Integer.parseInt(get(args, "concurrency", "32")),
                Integer.parseInt(get(args, "warmup-seconds", "300")),
                Integer.parseInt(get(args, "throughput-seconds", "60")),
                Integer.parseInt(get(args, "overhead-seconds", "60")),
                Integer.parseInt(get(args, "associations", "80")),
                Integer.parseInt(get(args, "users-per-association", "2")),
                Long.parseLong(get(args, "replay-events", "1000000")),
                Long.parseLong(get(args, "scale-events", "10000000")),
                Integer.parseInt(get(args, "replay-minutes", "60")),
                Integer.parseInt(get(args, "reminders", "100000")),
                Integer.parseInt(get(args, "reminder-minutes", "30")),
                Integer.parseInt(get(args, "fault-rate", "40")),
                get(args, "java-options", BenchStack.SERVICE_JAVA_OPTIONS),
                "bench/run " + String.join(" ", args));
    }

    private static String get(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
