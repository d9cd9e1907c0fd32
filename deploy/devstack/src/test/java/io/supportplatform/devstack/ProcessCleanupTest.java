package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCleanupTest {

    @TempDir
    Path dir;

    @Test
    void stopEndsTheWholeProcessGroup() {
        ChildProcess child = ChildProcess.start("group", List.of("sh", "-c", "sleep 300 & sleep 300"), Map.of(),
                dir, dir.resolve("group.log"));
        long pgid = child.pid();
        assertTrue(Signals.groupAlive(pgid));
        child.stop(Duration.ofSeconds(5));
        assertFalse(Signals.groupAlive(pgid), "no member of the group survives stop");
    }

    @Test
    void killingTheLauncherWithSigkillLeavesNoChildAndNoBoundPort() throws Exception {
        assertCleanedUpAfterKill9("child");
    }

    @Test
    void killingTheLauncherWithSigkillAlsoStopsThePostmaster() throws Exception {
        assertCleanedUpAfterKill9("postgres");
    }

    private void assertCleanedUpAfterKill9(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LauncherProbe.class.getName(), mode, dir.toString())
                .redirectError(dir.resolve("launcher.err").toFile())
                .start();
        String[] ready;
        try (var out = new BufferedReader(new InputStreamReader(launcher.getInputStream()))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("READY "), "launcher reported " + line);
            ready = line.split(" ");
        }
        long serverPid = Long.parseLong(ready[1]);
        int port = Integer.parseInt(ready[2]);
        assertTrue(Signals.running(serverPid));
        assertTrue(Ports.inUse(port));

        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((Signals.groupAlive(serverPid) && anyRunningInGroup(serverPid) || Ports.inUse(port))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(Signals.running(serverPid), mode + ": the server process survived");
        assertFalse(anyRunningInGroup(serverPid), mode + ": a process of the server's group survived");
        assertFalse(Ports.inUse(port), mode + ": port " + port + " still bound");
    }

    /** Ignores zombies, which hold no port and wait only for init to reap them. */
    private static boolean anyRunningInGroup(long pgid) {
        return ProcessHandle.allProcesses()
                .filter(p -> Signals.running(p.pid()))
                .anyMatch(p -> ProcessStats.pgidOf(p.pid()) == pgid);
    }
}
