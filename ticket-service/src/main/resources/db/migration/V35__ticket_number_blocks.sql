-- Each draw from the ticket number sequence reserves a block of 20 numbers for the drawing instance
-- (TicketRepository.NUMBER_BLOCK), so filing rarely needs a round trip for its number. Numbers stay unique;
-- gaps (the unused rest of a block when an instance stops) were always allowed.
alter sequence ticket_number_seq increment by 20;
