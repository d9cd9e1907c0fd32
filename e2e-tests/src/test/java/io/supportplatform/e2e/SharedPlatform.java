package io.supportplatform.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.supportplatform.devstack.DevStack;

/**
 * One platform (Kafka, PostgreSQL, MongoDB-wire server, Keycloak and the six packaged services, see
 * {@link DevStack}) for all end-to-end test classes of a run, because each start costs about 45 s of a
 * 2-core CI machine. A class asks for it with {@code @ExtendWith(SharedPlatform.class)} and a {@code DevStack}
 * parameter (of a {@code @BeforeAll} method, typically). The first request starts it; JUnit closes it with the
 * root context after the last test class, whether tests passed or failed (should the test JVM die, the
 * child-process watchdogs stop it).
 * <p>
 * Sharing rules: a test creates the data it relies on (its own account, Keycloak user, ids) or makes sure of it
 * idempotently ({@link Contacts#ensureDemoContacts}); it never relies on what another test created. A test that
 * stops or restarts a component (a service, Kafka, ...) must start a {@code DevStack} of its own instead.
 */
final class SharedPlatform implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedPlatform.class);
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DevStack.class;
    }

    @Override
    public DevStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class)
                .platform();
    }

    /**
     * The started platform, or why it did not start: later classes then fail at once with the same cause
     * instead of spending minutes on another start. Closed by JUnit (root-store values that are
     * {@link AutoCloseable}).
     */
    private static final class Running implements AutoCloseable {

        private final Path dataDir;
        private final DevStack platform;
        private final RuntimeException failure;

        private Running(Path dataDir, DevStack platform, RuntimeException failure) {
            this.dataDir = dataDir;
            this.platform = platform;
            this.failure = failure;
        }

        static Running start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("e2e-platform-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long started = System.nanoTime();
            try {
                DevStack platform = DevStack.start(DevStack.Options.forTests(REPO, dataDir));
                System.out.printf("Shared platform ready in %d s: %s%n",
                        Duration.ofNanos(System.nanoTime() - started).toSeconds(), platform.startTimes());
                return new Running(dataDir, platform, null);
            } catch (RuntimeException e) {
                // DevStack.start stopped what it had started; close() still checks that and removes the data.
                return new Running(dataDir, null, e);
            }
        }

        DevStack platform() {
            if (failure != null) {
                throw new IllegalStateException("the shared platform did not start", failure);
            }
            return platform;
        }

        @Override
        public void close() {
            try {
                if (platform != null) {
                    platform.close();
                }
                // Nothing may outlive the platform: no service, broker, database or watchdog process.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(),
                        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()));
            } finally {
                deleteQuietly(dataDir);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir; the OS cleans it eventually
            }
        }
    }
}
