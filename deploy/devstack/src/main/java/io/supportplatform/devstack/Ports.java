package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback port helpers. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago (the OS picks it), for servers that cannot bind port 0 themselves. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
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
