package io.strata.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Prints {@code <count>} distinct free TCP ports of 127.0.0.1, one a line, chosen by the OS. */
public final class FreePorts {
    private FreePorts() {}

    public static void main(String[] args) throws IOException {
        int count = args.length == 0 ? 1 : Integer.parseInt(args[0]);
        for (int port : take(count)) {
            System.out.println(port);
        }
    }

    /** Ports the OS hands out for an ephemeral bind; all sockets are held until every port is chosen, so they differ. */
    static List<Integer> take(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}
