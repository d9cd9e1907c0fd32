package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A support request of one customer account (identified by its system ID, P5.a), referenced by its
 * human-readable ticket number (P2.2, P6.1).
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    private UUID id;

    @Column(name = "ticket_number", nullable = false, unique = true, updatable = false)
    private String ticketNumber;

    @Column(name = "system_id", nullable = false, updatable = false)
    private String systemId;

    @Column(nullable = false)
    private Severity severity;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    private String region;

    @Column(name = "license_code")
    private String licenseCode;

    /**
     * Products (P5.b), platforms (P5.c), affected devices (P5.f) and error messages (P5.h). An immutable record,
     * replaced as a whole if ever: Hibernate need not snapshot it (for JSON a serialize-and-parse round per load
     * and per persist).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "item_lists", nullable = false)
    private ItemLists itemLists;

    private String environment;

    @Column(name = "reproduction_steps")
    private String reproductionSteps;

    @Column(name = "desired_result")
    private String desiredResult;

    @Column(name = "special_circumstances")
    private String specialCircumstances;

    /** Eligibility flags (P5.c, P14.e, P15.f, P15.g) and the articles shown before filing (P14.b). Immutable, as above. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false, updatable = false)
    private Intake intake = Intake.NONE;

    /** Whether filing recorded eligibility flags; computed by the database from {@link #intake}, for the list filter. */
    @Column(insertable = false, updatable = false)
    private boolean flagged;

    /** The product's log excerpt of an in-product filing (P2.1, P5.g). */
    @Column(name = "log_excerpt", updatable = false)
    private String logExcerpt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Sequence number of the last event published about this ticket (CloudEvent data.sequence). */
    @Column(name = "last_event_sequence", nullable = false)
    private long lastEventSequence;

    /** The support queue the ticket waits in; every ticket starts in the first-level queue. */
    @Column(nullable = false)
    private String queue = INTAKE_QUEUE;

    /** Username of the support user working the ticket; null while nobody is. */
    private String assignee;

    /** Escalation to development (P10) and the fix that follows (P11). */
    @Embedded
    private DevelopmentTracking development = new DevelopmentTracking();

    @Version
    private long version;

    /** The queue new tickets start in; ticket.work.queues must list it. */
    public static final String INTAKE_QUEUE = "FIRST_LEVEL";

    protected Ticket() {
        // for Hibernate
    }

    /** A ticket as filed (P2.2): status NEW, created now by the given user. */
    public static Ticket file(String ticketNumber, String systemId, Severity severity, String subject,
            String description, FilingDetails details, String createdBy, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.ticketNumber = ticketNumber;
        ticket.systemId = systemId;
        ticket.severity = severity;
        ticket.subject = subject;
        ticket.description = description;
        ticket.status = TicketStatus.NEW;
        ticket.channel = details.channel();
        ticket.region = details.region().orElse(null);
        ticket.licenseCode = details.licenseCode().orElse(null);
        ticket.itemLists = new ItemLists(List.copyOf(details.products()), List.copyOf(details.platforms()),
                List.copyOf(details.affectedDevices()), List.copyOf(details.errorMessages()));
        ticket.environment = details.environment().orElse(null);
        ticket.reproductionSteps = details.reproductionSteps().orElse(null);
        ticket.desiredResult = details.desiredResult().orElse(null);
        ticket.specialCircumstances = details.specialCircumstances().orElse(null);
        ticket.createdBy = createdBy;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    /** Records, before the ticket is first saved, what filing found and got besides the P5 items. */
    public void recordIntake(Intake intake, Optional<String> logExcerpt) {
        this.intake = intake;
        this.logExcerpt = logExcerpt.orElse(null);
    }

    /** Hands out the per-ticket sequence number for the next event about this ticket. */
    public long nextEventSequence() {
        return ++lastEventSequence;
    }

    /** The sequence number of the last event handed out. */
    public long getLastEventSequence() {
        return lastEventSequence;
    }

    /**
     * Moves the ticket along its lifecycle; the caller has checked {@link TicketStatus#mayMoveTo}.
     *
     * @return the status it had before
     */
    public TicketStatus moveTo(TicketStatus target, Instant now) {
        if (!status.mayMoveTo(target)) {
            throw new IllegalStateException("Ticket " + id + " cannot move from " + status + " to " + target);
        }
        TicketStatus previous = status;
        status = target;
        updatedAt = now;
        return previous;
    }

    /** Records that something was added to the ticket (a reply) without a change of status. */
    public void touch(Instant now) {
        updatedAt = now;
    }

    /**
     * Puts the ticket into a queue and hands it to a support user (or to nobody).
     *
     * @return whether anything changed
     */
    public boolean assign(String queue, Optional<String> assignee, Instant now) {
        if (this.queue.equals(queue) && Optional.ofNullable(this.assignee).equals(assignee)) {
            return false;
        }
        this.queue = queue;
        this.assignee = assignee.orElse(null);
        updatedAt = now;
        return true;
    }

    /**
     * Re-rates how badly the customer is affected (P8); the caller has checked the ticket is still being worked.
     *
     * @return the severity it had before
     */
    public Severity changeSeverity(Severity target, Instant now) {
        Severity previous = severity;
        severity = target;
        updatedAt = now;
        return previous;
    }

    /** Starts the next round of escalation to development (P10.1) and returns its number. */
    public int escalateToDevelopment(Instant now) {
        updatedAt = now;
        return development.escalate();
    }

    /** P11.1: the estimated fix date the customer is told. */
    public void estimateFix(LocalDate date, Instant now) {
        development.estimate(date);
        updatedAt = now;
    }

    /** P11.2: the hotfix for this ticket was released as the given version or patch id. */
    public void releaseHotfix(String hotfixVersion, Instant now) {
        development.release(hotfixVersion, now);
        updatedAt = now;
    }

    /** P11.2: the outcome of verifying the released hotfix. */
    public void verifyHotfix(boolean passed, Instant now) {
        development.verify(passed, now);
        updatedAt = now;
    }

    public boolean belongsTo(String systemId) {
        return this.systemId.equals(systemId);
    }

    public UUID getId() {
        return id;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public String getSystemId() {
        return systemId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public FilingDetails getDetails() {
        return new FilingDetails(itemLists.products(), itemLists.platforms(), Optional.ofNullable(environment),
                Optional.ofNullable(reproductionSteps), itemLists.affectedDevices(), itemLists.errorMessages(),
                Optional.ofNullable(desiredResult), Optional.ofNullable(specialCircumstances),
                Optional.ofNullable(region), channel, Optional.ofNullable(licenseCode));
    }

    public Intake getIntake() {
        return intake;
    }

    public Optional<String> getLogExcerpt() {
        return Optional.ofNullable(logExcerpt);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getQueue() {
        return queue;
    }

    public Optional<String> getAssignee() {
        return Optional.ofNullable(assignee);
    }

    public DevelopmentTracking getDevelopment() {
        return development;
    }

    public long getVersion() {
        return version;
    }
}
