package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A ticket's escalation to development (P10) and the fix that follows (P11). The rounds' reasons and
 * development references are internal and live in {@link DevelopmentEscalation}; what is kept here is what the
 * customer may see. Callers check the transitions ({@link HotfixStatus}) first.
 */
@Embeddable
public class DevelopmentTracking {

    /** How often the ticket went to development (P10.1: several rounds may be needed); 0 = never. */
    @Column(name = "development_rounds", nullable = false)
    private int rounds;

    @Column(name = "estimated_fix_date")
    private LocalDate estimatedFixDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "hotfix_status")
    private HotfixStatus hotfixStatus;

    @Column(name = "hotfix_version")
    private String hotfixVersion;

    @Column(name = "hotfix_released_at")
    private Instant hotfixReleasedAt;

    @Column(name = "hotfix_verified_at")
    private Instant hotfixVerifiedAt;

    /** Starts the next round of escalation to development and returns its number. */
    int escalate() {
        return ++rounds;
    }

    /** P11.1: the customer is told when the fix is expected. */
    void estimate(LocalDate date) {
        estimatedFixDate = date;
        hotfixStatus = HotfixStatus.PLANNED;
    }

    /** P11.2: the hotfix is out; verification starts again. */
    void release(String version, Instant now) {
        hotfixVersion = version;
        hotfixReleasedAt = now;
        hotfixVerifiedAt = null;
        hotfixStatus = HotfixStatus.RELEASED;
    }

    /** P11.2: development's verification of the released hotfix. */
    void verify(boolean passed, Instant now) {
        hotfixVerifiedAt = now;
        hotfixStatus = passed ? HotfixStatus.VERIFIED : HotfixStatus.VERIFICATION_FAILED;
    }

    public int getRounds() {
        return rounds;
    }

    public boolean isEscalated() {
        return rounds > 0;
    }

    public Optional<LocalDate> getEstimatedFixDate() {
        return Optional.ofNullable(estimatedFixDate);
    }

    public Optional<HotfixStatus> getHotfixStatus() {
        return Optional.ofNullable(hotfixStatus);
    }

    public Optional<String> getHotfixVersion() {
        return Optional.ofNullable(hotfixVersion);
    }

    public Optional<Instant> getHotfixReleasedAt() {
        return Optional.ofNullable(hotfixReleasedAt);
    }

    public Optional<Instant> getHotfixVerifiedAt() {
        return Optional.ofNullable(hotfixVerifiedAt);
    }
}
