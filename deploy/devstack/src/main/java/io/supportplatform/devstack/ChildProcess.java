package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server running as a child process in its own process group (started through {@code setsid}), with its
 * output in a log file and a {@link Watchdog} that takes the whole group down if this JVM dies, even by
 * {@code kill -9}. Stopping is graceful: SIGTERM to the group, a grace period, then SIGKILL.
 */
public final class ChildProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Watchdog watchdog;

    private ChildProcess(String name, Process process, Path logFile, Watchdog watchdog) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.watchdog = watchdog;
    }

    /**
     * Starts {@code command} in a new session (so its PID is its process-group id and Ctrl-C on the launcher's
     * terminal does not reach it) with {@code extraEnv} added to this JVM's environment.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> extraEnv,
            Path workDir, Path logFile) {
        List<String> full = new ArrayList<>(command.size() + 1);
        full.add("setsid");
        full.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            Watchdog watchdog = Watchdog.guardGroup(process.pid(), "TERM");
            LOG.log(System.Logger.Level.DEBUG, "started {0} as pid {1}, log {2}", name, Long.toString(process.pid()), logFile);
            return new ChildProcess(name, process, logFile, watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + full, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit on its own (for one-shot commands such as a storage format). */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(2));
                throw new IllegalStateException(name + " did not finish within " + timeout + "; log: " + logFile);
            }
            watchdog.close();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
    }

    /** SIGTERM to the process group, up to {@code grace} to exit, then SIGKILL. Idempotent. */
    public void stop(Duration grace) {
        long pgid = process.pid();
        if (Signals.groupAlive(pgid)) {
            Signals.sendToGroup(pgid, "TERM");
            long deadline = System.nanoTime() + grace.toNanos();
            while (Signals.groupAlive(pgid) && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (Signals.groupAlive(pgid)) {
                LOG.log(System.Logger.Level.WARNING, "{0} did not stop within {1}; killing it", name, grace);
                Signals.sendToGroup(pgid, "KILL");
                while (Signals.groupAlive(pgid)) {
                    sleep(50);
                }
            }
        }
        watchdog.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** The last lines of the log, to explain a failed start. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + ")";
    }
}
