package io.leadplatform.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document. {@code errors} lists field-level validation failures. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem("https://lead-platform.dev/problems/validation", "Invalid request", 400, detail, null,
                errors);
    }
}
