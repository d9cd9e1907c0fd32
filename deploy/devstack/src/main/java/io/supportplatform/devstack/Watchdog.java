package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A tiny shell loop, in its own session, that outlives this JVM: as soon as the launcher JVM is gone (even
 * after {@code kill -9}, where no shutdown hook runs) it stops the guarded process group, SIGKILLing it if it
 * has not exited 10 s later. It ends by itself when the guarded process ends first.
 */
final class Watchdog implements AutoCloseable {

    private static final String SCRIPT = """
            L=$1; C=$2; SIG=$3; TARGET=$4
            launcher_alive() { s=$(cut -d' ' -f3 /proc/$L/stat 2>/dev/null); [ -n "$s" ] && [ "$s" != Z ]; }
            while launcher_alive && /usr/bin/kill -0 -- -$C 2>/dev/null; do sleep 1; done
            /usr/bin/kill -0 -- -$C 2>/dev/null || exit 0
            /usr/bin/kill -$SIG -- $TARGET 2>/dev/null
            i=0
            while [ $i -lt 20 ] && /usr/bin/kill -0 -- -$C 2>/dev/null; do sleep 0.5; i=$((i+1)); done
            /usr/bin/kill -KILL -- -$C 2>/dev/null
            exit 0
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Guards a process-group leader: {@code signal} to the whole group, later SIGKILL. */
    static Watchdog guardGroup(long pgid, String signal) {
        return start(pgid, signal, "-" + pgid);
    }

    /**
     * Guards PostgreSQL's postmaster (a group leader, pg_ctl runs it via setsid): SIGINT ("fast shutdown") to the
     * postmaster alone so it stops its backends itself, later SIGKILL to the group.
     */
    static Watchdog guardPostmaster(long postmasterPid) {
        return start(postmasterPid, "INT", Long.toString(postmasterPid));
    }

    private static Watchdog start(long pgid, String signal, String target) {
        long launcher = ProcessHandle.current().pid();
        try {
            Process p = new ProcessBuilder("setsid", "sh", "-c", SCRIPT, "devstack-watchdog",
                    Long.toString(launcher), Long.toString(pgid), signal, target)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Watchdog(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watchdog for process group " + pgid, e);
        }
    }

    /** Ends the watchdog (and its sleep) once the guarded process has been stopped properly. */
    @Override
    public void close() {
        if (process.isAlive()) {
            Signals.sendToGroup(process.pid(), "KILL");
        }
    }
}
