package io.leadplatform.support.problem;

import java.util.List;

/** Thrown by application code to answer with a specific problem document. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " was not found"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming every field at fault; the detail lists them as "field: message; ...". */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validation(String.join("; ",
                errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors));
    }

    public Problem problem() {
        return problem;
    }
}
