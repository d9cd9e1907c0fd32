package io.supportplatform.contact.rest;

/** Input formats shared by the request bodies. */
final class Patterns {

    /** P5.a */
    static final String SYSTEM_ID = "\\d{6}";
    /** Starts with the system ID (P5.a); {@link LicenseCodeOfSystemId} checks that the two agree. */
    static final String LICENSE_CODE = "\\d{6}[A-Za-z0-9-]*";
    /** A continent or country code, optionally refined: EU-DE, US-EAST, APAC. */
    static final String REGION = "[A-Z]{2,4}(-[A-Z0-9]{2,12}){0,2}";
    static final String SUPPORT_LEVEL = "STANDARD|PREMIUM";
    static final String ACCOUNT_STATUS = "ACTIVE|SUSPENDED";
    /** E.164: a plus sign and 8 to 15 digits, the first not 0. */
    static final String PHONE = "\\+[1-9]\\d{7,14}";
    static final String LANGUAGE = "de|en";
    /** On top of {@code @Email}: the domain needs a dot, as every reachable address has one. */
    static final String EMAIL_DOMAIN = ".+@[^@]+\\.[^@]+";

    private Patterns() {
    }
}
