package io.strata.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on 127.0.0.1 that nothing listens on now, all of one call distinct. They are drawn below
 * the kernel's ephemeral range, so that the outgoing connections of everything else on the machine
 * (which get ephemeral ports) cannot take them between the pick and the node's bind.
 */
final class FreePorts {
    private static final int LOWEST = 20_000;
    private static final int ATTEMPTS = 1_000;

    private FreePorts() {}

    static List<Integer> pick(int count) {
        int highest = ephemeralRangeStart() - 1;
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS && ports.size() < count; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (!ports.contains(port) && bindable(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("no " + count + " free ports between " + LOWEST + " and " + highest);
        }
        return List.copyOf(ports);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port the kernel hands out to outgoing connections (Linux), else the IANA default. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip();
            return Math.max(LOWEST + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
