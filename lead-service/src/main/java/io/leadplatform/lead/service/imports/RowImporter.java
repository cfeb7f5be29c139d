package io.leadplatform.lead.service.imports;

import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.service.CsvRows;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores the rows of one import kind, a batch at a time, in the caller's transaction. */
public interface RowImporter {

    ImportKind kind();

    /** One result per row, in order; a row that cannot be stored is rejected with its reason, never thrown. */
    List<RowResult> importRows(List<CsvRows.Row> batch);

    /** Throws a row error listing the command's constraint violations by CSV column, if it has any. */
    static <T> T valid(Validator validator, T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(v -> column(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        return command;
    }

    /** The CSV column of a command's property: {@code capturedAt} is {@code captured_at}. */
    private static String column(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
