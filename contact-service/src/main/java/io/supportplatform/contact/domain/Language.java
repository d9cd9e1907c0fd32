package io.supportplatform.contact.domain;

import java.util.Locale;

/** A contact's preferred language for communication with support (templates exist in de and en). */
public enum Language {
    DE,
    EN;

    /** The ISO 639-1 code, as stored and as the API shows it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
