package io.supportplatform.ticket.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a file's type from its first bytes, so an upload's declared type is never taken on trust: the magic
 * numbers of the binary formats support accepts, and UTF-8 text without NUL bytes for logs (P5.g).
 */
public final class ContentSniffer {

    /** How many leading bytes the decision needs. */
    public static final int PREFIX = 512;

    public static final String TEXT = "text/plain";

    private ContentSniffer() {
    }

    /** @return the detected type, empty when the bytes match no known format */
    public static Optional<String> sniff(byte[] prefix, int length) {
        byte[] head = Arrays.copyOf(prefix, length);
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return Optional.of("application/zip");
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return Optional.of("application/gzip");
        }
        return isText(head) ? Optional.of(TEXT) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (ASCII included) without NUL bytes; a multi-byte character cut off at the end is fine. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        int end = head.length;
        // drop a trailing, possibly incomplete multi-byte sequence (at most 3 bytes)
        for (int i = Math.max(0, head.length - 3); i < head.length; i++) {
            if ((head[i] & 0xC0) == 0xC0) {
                end = i;
            }
        }
        CharsetDecoder decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
