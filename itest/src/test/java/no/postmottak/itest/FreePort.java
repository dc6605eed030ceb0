package no.postmottak.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port nobody listens on right now, so parallel builds and Karaf instances do not clash. Taken from below the
 * operating systems' ephemeral ranges (Linux 32768–60999, Windows and macOS from 49152) and above Pax Exam's RMI
 * ports (21000–21099): a port from {@code new ServerSocket(0)} is an ephemeral one, and between the test picking it
 * and Karaf binding it seconds later, an outgoing connection could take it ("Address already in use": a cluster
 * node once failed to start so). Each port is handed out once per test JVM.
 */
public final class FreePort {

    private static final int FIRST = 22000;
    private static final int LAST = 32767;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException inUse) {
                // someone listens there: try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + FIRST + " and " + LAST));
    }
}
