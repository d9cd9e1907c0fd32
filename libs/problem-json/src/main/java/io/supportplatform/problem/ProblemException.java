package io.supportplatform.problem;

import java.util.List;

/**
 * A domain error that reaches the client as problem+json with the given status. Services throw it (or
 * fail a {@code Uni} with it) instead of building responses by hand, so every error looks the same.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldViolation> violations;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldViolation> violations) {
        // No stack trace: these are expected outcomes, not bugs, and are never logged as errors.
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException badRequest(String field, String rule, String message) {
        return new ProblemException(400, "Bad Request", "The request has an invalid field.",
                List.of(new Problem.FieldViolation(field, rule, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldViolation> violations() {
        return violations;
    }
}
