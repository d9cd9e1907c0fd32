package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;

/** Loopback port helpers. */
public final class Ports {

    /** Lowest candidate for a free port: above the local run's fixed ports (docs/DEVELOPMENT.md). */
    private static final int FIRST_CANDIDATE = 28000;
    private static final Random RANDOM = new SecureRandom();

    private Ports() {
    }

    /**
     * A port that was free a moment ago, for servers that cannot bind port 0 themselves. It is taken from
     * below the kernel's ephemeral range: ports in that range are also handed to outgoing connections, which
     * on a busy machine grab a "free" port before our server binds it (seen with Keycloak's management port).
     */
    public static int free() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = FIRST_CANDIDATE + RANDOM.nextInt(below - FIRST_CANDIDATE);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 1);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_CANDIDATE + " and " + below);
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
            int start = Integer.parseInt(range.trim().split("\\s+")[0]);
            return start > FIRST_CANDIDATE + 1000 ? start : 32768; // a range we can't work below: the Linux default
        } catch (IOException | RuntimeException unreadable) {
            return 32768; // the Linux default
        }
    }

    /** {@code requested}, or a free port when it is 0. */
    public static int orFree(int requested) {
        return requested == 0 ? free() : requested;
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails fast with a clear message when a fixed port is taken, after giving a previous run's watchdog
     * ({@code wait}) the time to clean up.
     */
    public static void requireFree(String what, int port, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (inUse(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": port " + port + " is in use (another run still going? "
                        + "see 'ss -ltnp sport = :" + port + "')");
            }
            ChildProcess.sleep(250);
        }
    }
}
