package io.leadplatform.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's sample files in {@code data/sample}, found by walking up from the working directory. */
public final class SampleData {

    /** Overrides the folder, for a run from outside the repository. */
    public static final String DIRECTORY_PROPERTY = "sample.data";

    private SampleData() {
    }

    public static Path dir() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("sample");
            if (Files.isRegularFile(candidate.resolve("leads.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no data/sample above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist");
        }
        return file;
    }

    public static String read(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
