package io.supportplatform.contact.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Puts pending redesignations (P12.5) into effect on their date. The pending changes live in the database, so a
 * restarted (or another) instance picks up whatever is due, including changes whose date passed while no
 * instance ran; claiming with {@code FOR UPDATE SKIP LOCKED} and settling in the same transaction applies each
 * exactly once however many instances run this.
 */
@ApplicationScoped
public class RedesignationActivation {

    static final String JOB = "redesignation-activation";

    private final RedesignationService redesignations;
    private final Vertx vertx;
    private final Clock clock;

    public RedesignationActivation(RedesignationService redesignations, Vertx vertx, Clock clock) {
        this.redesignations = redesignations;
        this.vertx = vertx;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${contact.redesignation.activate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onSchedule() {
        return activate(LocalDate.now(clock)).replaceWithVoid();
    }

    /**
     * One activation run for the changes due on {@code today}, on a fresh Vert.x context of its own (Hibernate
     * Reactive keeps its session there), so that runs started at once are as independent as separate instances.
     *
     * @return how many changes this run settled (applied or failed)
     */
    public Uni<Integer> activate(LocalDate today) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().deferred(() -> redesignations.activateDue(today))
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
