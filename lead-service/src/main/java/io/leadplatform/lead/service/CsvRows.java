package io.leadplatform.lead.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.leadplatform.support.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A CSV body as rows keyed by its header's column names, each with its line number in the file. A cell that is missing
 * or malformed throws an {@link IllegalArgumentException} whose message is the row error.
 */
public record CsvRows(List<String> header, List<Row> rows) {

    public record Row(int line, String[] cells, Map<String, Integer> columns) {

        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.length) {
                return null;
            }
            String v = cells[i].strip();
            return v.isEmpty() ? null : v;
        }

        public boolean complete() {
            return cells.length == columns.size();
        }

        /** Throws a row error unless the row has as many cells as the header has columns. */
        public void requireComplete() {
            if (!complete()) {
                throw new IllegalArgumentException("expected " + columns.size() + " columns, got " + cells.length);
            }
        }

        public String required(String column) {
            String v = get(column);
            if (v == null) {
                throw new IllegalArgumentException(column + ": is required");
            }
            return v;
        }

        /** The cell parsed, or null when empty; a cell that does not parse is a row error naming its column. */
        public <T> T parsed(String column, Function<String, T> parser) {
            String v = get(column);
            try {
                return v == null ? null : parser.apply(v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(column + ": has the wrong type or format");
            }
        }

        /** true/yes/1 or false/no/0, any case; null when empty. */
        public Boolean bool(String column) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException(column + ": must be true or false");
            };
        }

        /** A {@code ;}-separated cell as its non-empty items; null when empty. */
        public List<String> list(String column) {
            String v = get(column);
            return v == null ? null
                    : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /** Parses the body and checks that the header has every required column (400 naming the missing one). */
    public static CsvRows parse(String body, List<String> required) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is empty; expected CSV with a header row");
        }
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(body)) {
            while (it.hasNextValue()) {
                lines.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("body", "is not valid CSV");
        }
        List<String> header = lines.get(0).length == 0 ? List.of() : List.of(lines.get(0)).stream()
                .map(h -> h.strip().replace("\uFEFF", "")).toList();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw ProblemException.invalid("header", "lacks the column " + column);
            }
        }
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            rows.add(new Row(i + 1, cells, columns));
        }
        return new CsvRows(header, rows);
    }
}
