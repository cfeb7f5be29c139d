-- One row per clock. clock_type and policy_version leave room for more clock kinds and versioned policies.
CREATE TABLE sla_clock (
    id             uuid PRIMARY KEY,
    lead_id        uuid NOT NULL,
    assignment_id  uuid NOT NULL,
    clock_type     varchar(40) NOT NULL,
    policy_version varchar(64) NOT NULL,
    owning_org     varchar(16),
    queue_name     varchar(100),
    assignee       varchar(100),
    status         varchar(16) NOT NULL,
    started_at     timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    warn_at        timestamptz,
    warned_at      timestamptz,
    met_at         timestamptz,
    breached_at    timestamptz,
    cancelled_at   timestamptz,
    CONSTRAINT sla_clock_status_chk CHECK (status IN ('RUNNING', 'MET', 'BREACHED', 'CANCELLED')),
    CONSTRAINT sla_clock_assignment_type_uq UNIQUE (assignment_id, clock_type)
);
CREATE INDEX sla_clock_lead_idx ON sla_clock (lead_id);
CREATE INDEX sla_clock_running_due_idx ON sla_clock (due_at) WHERE status = 'RUNNING';
CREATE INDEX sla_clock_running_warn_idx ON sla_clock (warn_at) WHERE status = 'RUNNING' AND warned_at IS NULL;

CREATE TABLE outbox_message (
    id         uuid PRIMARY KEY,
    type       varchar(100) NOT NULL,
    subject    varchar(100),
    payload    text NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz,
    attempts   integer NOT NULL DEFAULT 0,
    last_error varchar(2000)
);
CREATE INDEX outbox_message_unsent_idx ON outbox_message (created_at, id) WHERE sent_at IS NULL;

CREATE TABLE processed_message (
    event_id     uuid NOT NULL,
    consumer     varchar(100) NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
