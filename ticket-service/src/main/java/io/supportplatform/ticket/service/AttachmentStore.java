package io.supportplatform.ticket.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.config.AttachmentConfig;

/**
 * The attachment files on disk, under {@code ticket.attachments.directory}: {@code <ticket id>/<attachment id>},
 * with uploads in progress under {@code .incoming/}. Blocking I/O: call from worker threads only.
 * <p>
 * An upload streams through a fixed buffer into its incoming file, hashed and counted on the way, so it never
 * sits in memory whole; the first bytes decide its type. Only a complete file is moved (atomically) to its
 * final name, and only then is its row written, so a row always has its file.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final int BUFFER = 64 * 1024;

    /** A completely received upload, not yet an attachment. */
    public record Received(Path file, long sizeBytes, String sha256, String contentType) {
    }

    private final Path directory;
    private final long maxSizeBytes;
    private final Set<String> allowed;

    public AttachmentStore(AttachmentConfig config) {
        this.directory = config.directory().toAbsolutePath().normalize();
        this.maxSizeBytes = config.maxSizeBytes();
        this.allowed = config.allowedContentTypes();
    }

    public long maxSizeBytes() {
        return maxSizeBytes;
    }

    /** The declared type without parameters, lower case; a missing one is "some bytes". */
    public static String baseType(String declared) {
        if (declared == null || declared.isBlank()) {
            return OCTET_STREAM;
        }
        return declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses a declared type that can never be accepted, before reading anything (415). */
    public void checkDeclared(String declaredType) {
        String declared = baseType(declaredType);
        if (!declared.equals(OCTET_STREAM) && !allowed.contains(declared)) {
            throw unsupported("Attachments of type " + declared + " are not accepted.");
        }
    }

    /** Streams the upload into an incoming file: 413 beyond the size limit, 415 when the content is not allowed. */
    public Received receive(InputStream body, String declaredType) {
        try {
            byte[] buffer = new byte[BUFFER];
            int head = body.readNBytes(buffer, 0, ContentSniffer.PREFIX);
            String contentType = decideType(baseType(declaredType), ContentSniffer.sniff(buffer, head));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Path incoming = Files.createDirectories(directory.resolve(".incoming")).resolve(UUID.randomUUID().toString());
            long size = 0;
            try (FileChannel out = FileChannel.open(incoming, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                int read = head;
                while (read > 0) {
                    size += read;
                    if (size > maxSizeBytes) {
                        throw new ProblemException(413, "Content Too Large", "Attachments may have at most "
                                + maxSizeBytes + " bytes.");
                    }
                    sha256.update(buffer, 0, read);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    read = body.read(buffer);
                }
                out.force(true); // durable before anyone is told it is stored
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(incoming);
                throw e;
            }
            return new Received(incoming, size, HexFormat.of().formatHex(sha256.digest()), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /**
     * The declared type must agree with the content: a declared binary format must be what the bytes are;
     * declared text must be text; "application/octet-stream" takes what the bytes are, if that is allowed.
     */
    private String decideType(String declared, Optional<String> sniffed) {
        String actual = sniffed.filter(allowed::contains).orElseThrow(() -> unsupported(
                "The content is none of the accepted types " + String.join(", ", allowed.stream().sorted().toList())
                        + "."));
        if (declared.equals(OCTET_STREAM) || declared.equals(actual)) {
            return actual;
        }
        if (actual.equals(ContentSniffer.TEXT) && declared.startsWith("text/")) {
            return declared; // e.g. text/x-log: a kind of text the allow-list names
        }
        throw unsupported("Declared as " + declared + " but the content is " + actual + ".");
    }

    /** Gives a received upload its final name; atomic, so a reader never sees half a file. */
    public Path keep(Received received, UUID ticketId, UUID attachmentId) {
        try {
            Path target = Files.createDirectories(directory.resolve(ticketId.toString()))
                    .resolve(attachmentId.toString());
            return Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pathOf(UUID ticketId, UUID attachmentId) {
        return directory.resolve(ticketId.toString()).resolve(attachmentId.toString());
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "Unsupported Media Type", detail);
    }
}
