package io.supportplatform.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code java -jar quarkus-run.jar}) as a child process. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(Service service, int port, ChildProcess process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess launch(Service service, Path jar, int port, Map<String, String> env, Path logFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString());
        ChildProcess process = ChildProcess.start(service.module(), command, env, jar.getParent(), logFile);
        return new ServiceProcess(service, port, process);
    }

    public Service service() {
        return service;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Polls {@code /q/health/ready} until it answers 200 with status UP. */
    void awaitReady(Duration timeout) {
        URI ready = URI.create(url() + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited during start-up (log "
                        + process.logFile() + "):\n" + process.logTail(30));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + service.module(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module() + " not ready within " + timeout + " (" + ready
                        + "; log " + process.logFile() + "):\n" + process.logTail(30));
            }
            ChildProcess.sleep(300);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        return service.module() + " " + url();
    }
}
