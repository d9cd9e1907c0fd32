package io.supportplatform.kb.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The languages articles are written in; each has its own analysis in the search index. */
public enum Language {
    DE("de"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for anything but a known code (Jackson turns it into a 400) */
    @JsonCreator
    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language: " + code);
    }
}
