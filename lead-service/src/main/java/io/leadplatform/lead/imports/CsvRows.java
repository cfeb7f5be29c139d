package io.leadplatform.lead.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.leadplatform.support.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV body as rows keyed by its header's column names, each with its line number in the file. */
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
