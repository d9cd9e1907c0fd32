package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsLieBelowTheEphemeralRangeSoClientConnectionsCannotTakeThem() throws IOException {
        // (Files.readString reads /proc files short: they report a size of 0.)
        int ephemeralStart = Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port >= 28000 && port < ephemeralStart, "port " + port);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(bound.isBound());
            }
        }
    }
}
