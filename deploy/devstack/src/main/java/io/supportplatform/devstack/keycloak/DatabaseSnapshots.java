package io.supportplatform.devstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Keycloak's H2 database right after a realm import, saved once per host and realm file. Schema creation and the
 * import are most of a start (about 10 s idle, 40 s on a busy host); copying a saved database skips both and
 * still gives every run the realm exactly as the file says. A snapshot is keyed by the realm file's content,
 * the Keycloak version and the server's build options, so editing the realm file takes effect on the next start.
 * Snapshots unused for {@value #UNUSED_DAYS} days are deleted.
 */
public final class DatabaseSnapshots {

    private static final String DATABASE_FILE = "keycloakdb.mv.db";
    private static final int UNUSED_DAYS = 14;

    private final Path root;

    private DatabaseSnapshots(Path root) {
        this.root = root;
    }

    public static DatabaseSnapshots of(KeycloakDistribution distribution) {
        Path home = distribution.home();
        return new DatabaseSnapshots(home.resolveSibling(home.getFileName() + "-snapshots"));
    }

    /** The snapshot key of {@code realmFile} imported by this distribution with {@code serverSetup}. */
    public String key(Path realmFile, KeycloakDistribution distribution, String serverSetup) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(realmFile));
            sha.update((distribution.version() + "\n" + serverSetup).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + realmFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean exists(String key) {
        return Files.isRegularFile(root.resolve(key).resolve(DATABASE_FILE));
    }

    /** Copies the saved database into {@code h2Dir} (a run's {@code data/h2}). */
    public void restore(String key, Path h2Dir) {
        try {
            Path saved = root.resolve(key).resolve(DATABASE_FILE);
            Files.createDirectories(h2Dir);
            Files.copy(saved, h2Dir.resolve(DATABASE_FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(saved, FileTime.from(Instant.now())); // in use: keeps pruning away
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore Keycloak database snapshot " + key, e);
        }
    }

    /**
     * Saves the database of a cleanly stopped server. Written aside and renamed into place, so a concurrent
     * reader never sees half a file and the first of two concurrent savers wins.
     */
    public void save(String key, Path h2Dir) {
        Path target = root.resolve(key);
        Path staging = root.resolve(key + ".saving-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(staging);
            Files.copy(h2Dir.resolve(DATABASE_FILE), staging.resolve(DATABASE_FILE));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadySaved) {
                if (!exists(key)) {
                    throw alreadySaved;
                }
                KeycloakDistribution.deleteTree(staging);
            }
            pruneUnused();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save Keycloak database snapshot " + target, e);
        }
    }

    /** Each edit of a realm file leaves a snapshot behind; those nobody restored for a while go. */
    private void pruneUnused() throws IOException {
        Instant cutoff = Instant.now().minus(Duration.ofDays(UNUSED_DAYS));
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path database = dir.resolve(DATABASE_FILE);
                if (Files.isRegularFile(database) && Files.getLastModifiedTime(database).toInstant().isBefore(cutoff)) {
                    KeycloakDistribution.deleteTree(dir);
                }
            }
        }
    }

    /** Drops a snapshot that did not start, so the next start imports the realm file again. */
    public void discard(String key) {
        try {
            KeycloakDistribution.deleteTree(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete Keycloak database snapshot " + root.resolve(key), e);
        }
    }
}
