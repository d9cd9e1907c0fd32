package io.supportplatform.sla.messaging;

import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;

/**
 * Tells a ticket event the database refuses from a database that is not available (P8, P13: nothing lost).
 * PostgreSQL refuses the data itself with SQLSTATE class 22 (data exception: a value out of range, a bad
 * encoding) or 23 (integrity constraint violation): storing that event again fails the same way, so it is
 * dead-lettered. Every other failure is taken for the infrastructure's and retried until the events are stored:
 * the connection refused, closed or not active, a pool wait timing out, SQLSTATE 08 (connection), 40001 / 40P01
 * (serialization failure, deadlock), 53 (insufficient resources), 57P01..57P03 (shut down, starting up), and
 * anything unforeseen, since dead-lettering a valid event would lose its clocks for good while a retry only
 * delays them.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /** Whether the database refused the events' data, as opposed to being unavailable. */
    static boolean refusesTheEvents(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String sqlState = cause instanceof DatabaseException database ? database.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null) {
                return sqlState.startsWith("22") || sqlState.startsWith("23");
            }
        }
        return false;
    }
}
