package io.leadplatform.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job's progress; for events and outcomes, {@code merged} counts rows that changed nothing because they were
 * already imported. {@code attempts} above 1 means the job was resumed after its process stopped.
 */
public record ImportJobView(UUID jobId, String kind, String status, int total, int processed, int accepted,
        int merged, int rejected, List<RowError> errors, String failure, int attempts, Instant createdAt,
        Instant startedAt, Instant finishedAt) {
}
