package io.supportplatform.ticket.service;

/** The orders a ticket list supports; the ticket id breaks ties so keyset pages never skip or repeat. */
public record TicketOrder(Key key, boolean descending) {

    public enum Key {
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt"), SEVERITY("severity");

        /** The API's (and the entity's) name of the sort field. */
        public final String field;

        Key(String field) {
            this.field = field;
        }
    }

    public static final TicketOrder NEWEST_FIRST = new TicketOrder(Key.CREATED_AT, true);
}
