package io.supportplatform.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the launcher JVM in {@link ProcessCleanupTest}: starts a server the devstack way, prints
 * {@code READY <pid> <port>} and waits to be killed.
 */
public final class LauncherProbe {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "child" -> {
                int port = Ports.free();
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                ChildProcess child = ChildProcess.start("port-holder",
                        List.of(java, "-cp", System.getProperty("java.class.path"), PortHolder.class.getName(),
                                Integer.toString(port)),
                        Map.of(), dir, dir.resolve("port-holder.log"));
                while (!Ports.inUse(port)) {
                    Thread.sleep(50);
                }
                System.out.println("READY " + child.pid() + " " + port);
            }
            case "postgres" -> {
                PostgresServer server = PostgresServer.start(dir, 0, false);
                System.out.println("READY " + server.postmasterPid() + " " + server.port());
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A child server: binds a loopback port and also forks a grandchild into its process group. */
    public static final class PortHolder {
        public static void main(String[] args) throws Exception {
            new ProcessBuilder("sleep", "600").start();
            try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[0]), 1,
                    InetAddress.getLoopbackAddress())) {
                Files.writeString(Path.of("holder.pid"), Long.toString(ProcessHandle.current().pid()));
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
