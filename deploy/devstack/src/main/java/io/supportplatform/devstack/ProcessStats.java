package io.supportplatform.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of processes, read from {@code /proc}, for the local run's start-up summary. */
public final class ProcessStats {

    private ProcessStats() {
    }

    /**
     * Summed VmRSS in MiB of {@code pid} and its descendants (a postmaster and its backends, which each run in
     * their own session; kc.sh and the Keycloak JVM).
     */
    public static long treeRssMib(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> Stream.concat(Stream.of(p), p.descendants()).mapToLong(h -> rssKib(h.pid())).sum())
                .orElse(0L) / 1024;
    }

    /** VmRSS in MiB of {@code pid} alone. */
    public static long rssMib(long pid) {
        return rssKib(pid) / 1024;
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited meanwhile
        }
        return 0;
    }

    /** The process group of {@code pid}, or -1 when it is gone. */
    static long pgidOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
