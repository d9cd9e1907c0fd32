package io.supportplatform.sla.mapping;

import io.supportplatform.problem.Problem;
import io.supportplatform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request, so one 400 names them all. */
public final class Violations {

    private final List<Problem.FieldViolation> found = new ArrayList<>();

    public void add(String field, String rule, String message) {
        found.add(new Problem.FieldViolation(field, rule, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a 400 naming every violation, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ProblemException(400, "Bad Request",
                    "The request has " + found.size() + " invalid field" + (found.size() == 1 ? "." : "s."), found);
        }
    }
}
