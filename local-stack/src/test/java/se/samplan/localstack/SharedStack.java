package se.samplan.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One platform for every end-to-end class of this JVM: starting six processes costs a minute, so the
 * classes share it (each in associations of its own) and it stops when the JVM does.
 */
final class SharedStack {

    /**
     * People the dashboard test logs in as, besides the demo users: a communicator and a board member who
     * reads, and a contributor of a partner association the plan is shared with.
     */
    static final String BROWSER_USERS = "maja.kommunikator=kalmarsund-test:communicator;"
            + "olle.styrelse=kalmarsund-test:reader;pia.partner=vastra-test:contributor";

    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            Path data = Files.createTempDirectory("samplan-e2e");
            List<String> args = new ArrayList<>(List.of(
                    "--data-dir=" + data,
                    "--services-dir=" + System.getProperty("samplan.services.dir"),
                    "--lib-dir=" + System.getProperty("samplan.lib.dir"),
                    "--demo-data=false",
                    "--dev-users=" + BROWSER_USERS));
            args.addAll(Ports.stackFlags());
            LocalStack started = LocalStack.start(StackConfig.fromArgs(args.toArray(String[]::new), Map.of(), data));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                started.deleteData();
            }, "stop-shared-stack"));
            stack = started;
        }
        return stack;
    }
}
