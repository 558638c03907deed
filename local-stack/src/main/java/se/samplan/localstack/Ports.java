package se.samplan.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for a stack that binds them later. They are picked below Linux's ephemeral
 * range (32768–60999): a port from {@code new ServerSocket(0)} comes from that range, so by the time
 * a service binds it, one of the many client connections the stack opens (JDBC, Kafka) may already
 * use it as its local port, and the service dies with "address already in use".
 */
public final class Ports {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private Ports() {
    }

    /** {@code count} distinct ports that are free on 127.0.0.1 right now. */
    public static List<Integer> free(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        int attempts = 0;
        while (ports.size() < count) {
            if (++attempts > 10_000) {
                throw new IllegalStateException("No " + count + " free ports between " + LOWEST + " and " + HIGHEST);
            }
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!ports.contains(port) && bindable(port)) {
                ports.add(port);
            }
        }
        return List.copyOf(ports);
    }

    /** A {@code --…-port=} flag with a free port for every port the stack binds. */
    public static List<String> stackFlags() {
        List<String> names = List.of("gateway", "plan", "activity", "reporting", "notification", "postgres", "kafka",
                "kafka-controller", "smtp", "mail-page");
        List<Integer> ports = free(names.size());
        List<String> flags = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            flags.add("--" + names.get(i) + "-port=" + ports.get(i));
        }
        return flags;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
