package io.supportplatform.sla.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Only the database refusing the data dead-letters an event; an unavailable database never does (P8, P13). */
class StoreFailuresTest {

    @Test
    void dataExceptionsAndConstraintViolationsRefuseTheEvents() {
        assertTrue(StoreFailures.refusesTheEvents(pg("22001"))); // value too long
        assertTrue(StoreFailures.refusesTheEvents(pg("22P02"))); // invalid text representation
        assertTrue(StoreFailures.refusesTheEvents(pg("23514"))); // check violation
        assertTrue(StoreFailures.refusesTheEvents(new CompletionException(pg("23502"))));
        assertTrue(StoreFailures.refusesTheEvents(new IllegalStateException("wrapped",
                new SQLException("duplicate key", "23505"))));
    }

    @Test
    void anUnavailableOrBusyDatabaseDoesNot() {
        for (String sqlState : new String[] { "08006", "08001", "40001", "40P01", "53300", "57P01", "57P03",
                "55P03" }) {
            assertFalse(StoreFailures.refusesTheEvents(pg(sqlState)), sqlState);
        }
        assertFalse(StoreFailures.refusesTheEvents(new ConnectException("Connection refused")));
        assertFalse(StoreFailures.refusesTheEvents(new ConnectTimeoutException("connection timed out")));
        assertFalse(StoreFailures.refusesTheEvents(ClosedConnectionException.INSTANCE));
        assertFalse(StoreFailures.refusesTheEvents(new VertxException("Connection is not active now", true)));
        assertFalse(StoreFailures.refusesTheEvents(new NoStackTraceThrowable("Timeout")));
        assertFalse(StoreFailures.refusesTheEvents(new SQLException("I/O error", "08006")));
    }

    @Test
    void whatIsNotUnderstoodIsRetriedRatherThanDeadLettered() {
        assertFalse(StoreFailures.refusesTheEvents(new IllegalStateException("unforeseen")));
        assertFalse(StoreFailures.refusesTheEvents(pg("42P01"))); // undefined table: a deployment fault, not the event's
    }

    private static PgException pg(String sqlState) {
        return new PgException("refused", "ERROR", sqlState, null);
    }
}
