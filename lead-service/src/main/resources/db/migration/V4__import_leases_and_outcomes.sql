-- an import job is claimed under a lease that its worker renews; a job whose lease ran out is resumed elsewhere
ALTER TABLE import_job
    ADD COLUMN lease_owner varchar(100),
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN attempts    integer NOT NULL DEFAULT 0;
CREATE INDEX import_job_open_idx ON import_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- the CSV of a job that has not finished, so another run can resume it; deleted when the job ends (it holds emails)
CREATE TABLE import_job_input (
    job_id uuid PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
    body   text NOT NULL
);

-- outcomes decided outside the platform (outcomes.csv); the key makes a second import of the same file a no-op
CREATE TABLE lead_outcome (
    lead_id     uuid NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    outcome     varchar(16) NOT NULL,
    decided_at  timestamptz NOT NULL,
    reason      varchar(64),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (lead_id, outcome, decided_at)
);
