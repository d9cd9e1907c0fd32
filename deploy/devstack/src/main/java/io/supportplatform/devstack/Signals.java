package io.supportplatform.devstack;

import java.io.IOException;

/** POSIX signals to processes and process groups, through {@code kill(1)} (the JDK cannot signal a group). */
final class Signals {

    private Signals() {
    }

    static void sendToGroup(long pgid, String signal) {
        kill("-" + signal, "--", "-" + pgid);
    }

    static void send(long pid, String signal) {
        kill("-" + signal, Long.toString(pid));
    }

    /** True while any process of the group exists. */
    static boolean groupAlive(long pgid) {
        return kill("-0", "--", "-" + pgid) == 0;
    }

    /** True while {@code pid} exists and is not a zombie waiting to be reaped. */
    static boolean running(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static int kill(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "kill";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending a signal", e);
        }
    }
}
