package io.supportplatform.ticket.service;

/** Display names of uploaded files: what the user called it, minus anything that could act as a path. */
public final class FileNames {

    static final int MAX_LENGTH = 255;
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    /**
     * Keeps the last path segment (either separator), drops control and format characters (e.g. NUL,
     * newlines, right-to-left overrides), quotes and leading dots, and caps the length. Never used as a path:
     * stored files are named by the attachment's id.
     */
    public static String safe(String declared) {
        String name = declared == null ? "" : declared;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\"]", "").strip();
        name = name.replaceFirst("^\\.+", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH); // keep the extension
        }
        return name.isBlank() ? FALLBACK : name;
    }
}
