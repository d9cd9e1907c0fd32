package io.supportplatform.devstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution ({@code keycloak-quarkus-dist} zip from {@code ~/.m2}), unpacked once per host
 * into a cache shared by every clone and build: {@code ${XDG_CACHE_HOME:-~/.cache}/support-platform/keycloak-<version>}.
 * <p>
 * Keycloak's first start re-augments the distribution for its build options (about a minute); it writes the
 * result into {@code lib/quarkus} of the cached copy, so later starts with the same build options skip it. A run
 * never writes into the cache otherwise: it gets its own home ({@link #createRunHome}) whose {@code data/}
 * (H2 database, realm import, temp files) is private and whose {@code lib}, {@code conf}, {@code themes} and
 * {@code providers} link to the cache. Unpacking and the first start happen under a host-wide file lock.
 */
public final class KeycloakDistribution {

    private static final System.Logger LOG = System.getLogger(KeycloakDistribution.class.getName());
    private static final String PATH_RESOURCE = "io/supportplatform/infra/keycloak-distribution.path";
    private static final List<String> SHARED_ENTRIES = List.of("lib", "conf", "themes", "providers", "version.txt");
    private static final String UNPACKED_MARKER = ".unpacked";
    private static final String AUGMENTED_MARKER = ".augmented";
    /** A JVM-local guard: FileLock is per process and throws when a second thread of the same JVM asks. */
    private static final ReentrantLock IN_JVM = new ReentrantLock();

    private final Path zip;
    private final String version;
    private final Path home;

    private KeycloakDistribution(Path zip, String version, Path home) {
        this.zip = zip;
        this.version = version;
        this.home = home;
    }

    /** The distribution whose zip module {@code deploy/infra-artifacts} resolved. */
    public static KeycloakDistribution locate() {
        Path zip = zipFromClasspath();
        // .../keycloak-quarkus-dist/<version>/keycloak-quarkus-dist-<version>.zip
        String version = zip.getParent().getFileName().toString();
        return new KeycloakDistribution(zip, version, cacheRoot().resolve("keycloak-" + version));
    }

    public String version() {
        return version;
    }

    /** The shared, unpacked distribution. */
    public Path home() {
        return home;
    }

    /** Blocks until this process holds the host-wide lock of the cached distribution. */
    public HostLock lock() {
        IN_JVM.lock();
        try {
            Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                LOG.log(System.Logger.Level.INFO, "waiting for {0} (another build prepares Keycloak)", lockFile);
                fileLock = channel.lock();
            }
            return new HostLock(channel, fileLock);
        } catch (IOException e) {
            IN_JVM.unlock();
            throw new UncheckedIOException("cannot lock the Keycloak cache " + home, e);
        } catch (RuntimeException e) {
            IN_JVM.unlock();
            throw e;
        }
    }

    /** Unpacks the zip into the cache unless done before. Call under {@link #lock()}. */
    public void unpackIfMissing() {
        if (Files.exists(home.resolve(UNPACKED_MARKER))) {
            return;
        }
        long began = System.nanoTime();
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        try {
            deleteTree(staging);
            deleteTree(home);
            unzip(zip, staging);
            // The zip holds one top-level directory, keycloak-<version>/.
            Path top = staging.resolve("keycloak-" + version);
            if (!Files.isRegularFile(top.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("unexpected layout of " + zip + ": no keycloak-" + version
                        + "/bin/kc.sh");
            }
            Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
            Files.writeString(home.resolve(UNPACKED_MARKER), zip + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
        }
        LOG.log(System.Logger.Level.INFO, "unpacked Keycloak {0} into {1} in {2} ms", version, home,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** True once a server started successfully with these build options (so no re-augmentation is due). */
    public boolean isAugmentedFor(String buildOptions) {
        try {
            Path marker = home.resolve(AUGMENTED_MARKER);
            return Files.exists(marker) && Files.readString(marker).equals(buildOptions);
        } catch (IOException e) {
            return false;
        }
    }

    public void markAugmentedFor(String buildOptions) {
        try {
            Files.writeString(home.resolve(AUGMENTED_MARKER), buildOptions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve(AUGMENTED_MARKER), e);
        }
    }

    /**
     * Makes {@code runHome} a Keycloak home of its own with an empty {@code data/} directory: a copy of
     * {@code bin/kc.sh} (it derives {@code kc.home.dir} from its own real path) and links to the cached rest.
     * Anything a previous run left in {@code data/} is removed, so every start imports the realm afresh.
     */
    public Path createRunHome(Path runHome) {
        try {
            Files.createDirectories(runHome.resolve("bin"));
            for (String entry : SHARED_ENTRIES) {
                Path link = runHome.resolve(entry);
                Files.deleteIfExists(link); // removes a link, never its target
                Files.createSymbolicLink(link, home.resolve(entry));
            }
            Path kcSh = runHome.resolve("bin/kc.sh");
            Files.copy(home.resolve("bin/kc.sh"), kcSh, StandardCopyOption.REPLACE_EXISTING);
            kcSh.toFile().setExecutable(true);
            deleteTree(runHome.resolve("data"));
            Files.createDirectories(runHome.resolve("data/import"));
            return runHome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Keycloak home " + runHome, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(zipFile.entries())) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                if (entry.getName().endsWith(".sh")) {
                    out.toFile().setExecutable(true);
                }
            }
        }
    }

    /** Deletes a directory tree without following symbolic links (a run home links into the cache). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path zipFromClasspath() {
        try (InputStream in = KeycloakDistribution.class.getClassLoader().getResourceAsStream(PATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PATH_RESOURCE + " not on the classpath: build module "
                        + "deploy/infra-artifacts (./mvnw -pl deploy/infra-artifacts install)");
            }
            Path zip = Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("Keycloak distribution missing: " + zip
                        + " (re-run ./mvnw -pl deploy/infra-artifacts install)");
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("support-platform");
    }

    /** The held host-wide lock; closing releases it. */
    public static final class HostLock implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock fileLock;
        private boolean released;

        private HostLock(FileChannel channel, FileLock fileLock) {
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                fileLock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the Keycloak cache lock", e);
            } finally {
                IN_JVM.unlock();
            }
        }
    }
}
