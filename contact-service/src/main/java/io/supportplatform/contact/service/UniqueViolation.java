package io.supportplatform.contact.service;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's unique_violation (SQLSTATE 23505) however Hibernate Reactive wraps it. */
final class UniqueViolation {

    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && SQL_STATE.equals(violation.getSQLState())) {
                return true;
            }
            if (cause instanceof PgException pg && SQL_STATE.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
