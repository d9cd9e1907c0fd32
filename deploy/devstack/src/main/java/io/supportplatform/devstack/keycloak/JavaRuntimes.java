package io.supportplatform.devstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run Keycloak 26 (Java 21 or newer) while the platform itself builds with Java 17.
 * Order: {@code KEYCLOAK_JAVA_HOME}, {@code JAVA_HOME}, the running JVM, then the newest JDK under
 * {@code /usr/lib/jvm}.
 */
public final class JavaRuntimes {

    public static final int KEYCLOAK_MIN_FEATURE = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);
    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {
    }

    /** The Java home to run Keycloak with, or an exception saying how to provide one. */
    public static Path forKeycloak() {
        String explicit = System.getenv("KEYCLOAK_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            Path home = Path.of(explicit);
            // An explicit choice that does not work is an error, not something to silently skip.
            if (featureVersion(home).orElse(0) < KEYCLOAK_MIN_FEATURE) {
                throw new IllegalStateException("KEYCLOAK_JAVA_HOME=" + explicit + " is not a JDK "
                        + KEYCLOAK_MIN_FEATURE + "+ (Keycloak 26 needs Java " + KEYCLOAK_MIN_FEATURE + " or newer)");
            }
            return home;
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        candidates.addAll(systemJdksNewestFirst());
        for (Path home : candidates) {
            if (featureVersion(home).orElse(0) >= KEYCLOAK_MIN_FEATURE) {
                return home;
            }
        }
        throw new IllegalStateException("No JDK " + KEYCLOAK_MIN_FEATURE + "+ found for Keycloak (looked at "
                + "KEYCLOAK_JAVA_HOME, JAVA_HOME, " + System.getProperty("java.home") + " and " + SYSTEM_JVMS
                + "/*). Install one (e.g. Temurin 21 or 25) and set KEYCLOAK_JAVA_HOME to it.");
    }

    /** The Java feature version of the JDK at {@code home} (from its {@code release} file), if it is one. */
    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> systemJdksNewestFirst() {
        if (!Files.isDirectory(SYSTEM_JVMS)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(SYSTEM_JVMS)) {
            return dirs.filter(d -> featureVersion(d).isPresent())
                    .sorted(Comparator.comparing((Path d) -> featureVersion(d).orElse(0)).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + SYSTEM_JVMS, e);
        }
    }
}
