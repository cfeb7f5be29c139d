package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A CSV import running in the background, with its progress and the first row errors. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    public record RowError(int line, String reason) {
    }

    @Id
    public UUID id;
    @Convert(converter = ImportKind.Column.class)
    public ImportKind kind;
    public String status;
    public int total;
    public int processed;
    public int accepted;
    public int merged;
    public int rejected;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<RowError> errors = new ArrayList<>();
    public String failure;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The process running the job; it owns the job until {@code leaseUntil}, and renews that while alive. */
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    /** How many runs have started the job: more than one means it was resumed after an interruption. */
    public int attempts;
}
