package io.leadplatform.support.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadplatform.support.problem.Problem;
import io.leadplatform.support.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json; no stack trace reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.validation(detail, errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return respond(Problem.validation("unknown field " + field,
                List.of(new Problem.FieldError(field, "unknown field"))));
    }

    @ServerExceptionMapper
    public Response badJson(JsonMappingException e) {
        String field = jsonPath(e);
        String message = field.isEmpty() ? "malformed request body" : "has the wrong type or format";
        return respond(Problem.validation(field.isEmpty() ? message : field + ": " + message,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message))));
    }

    /** Named explicitly: quarkus-rest-jackson's own mapper for it would otherwise answer without the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response jsonLimit(StreamConstraintsException e) {
        return respond(Problem.validation("the request body exceeds a size or nesting limit", List.of()));
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return respond(Problem.validation("the request body is not valid JSON", List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return respond(Problem.of(status, title, status >= 500 ? title : e.getMessage()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return respond(Problem.of(500, "Internal Server Error", "unexpected error, incident " + incident));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.email" → "email": drops the method and parameter names. */
    static String fieldPath(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {
                    if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                        parts.clear();
                        parts.add(node.getName());
                    }
                }
                default -> parts.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]"
                        : node.getName());
            }
        }
        if (parts.size() > 1) {
            parts.remove(0); // the parameter's own name; its properties are what the client sent
        }
        return String.join(".", parts);
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
