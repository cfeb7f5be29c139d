package io.leadplatform.scoring.model;

import io.leadplatform.support.problem.Problem;

import java.util.List;

/** A model definition with rules that do not parse, do not type-check, or exceed a limit. */
public class ModelInvalidException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public ModelInvalidException(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
