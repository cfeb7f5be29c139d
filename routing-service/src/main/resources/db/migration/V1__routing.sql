CREATE TABLE queue (
    id          uuid PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    owning_org  varchar(16) NOT NULL CHECK (owning_org IN ('MARKETING', 'SALES')),
    purpose     varchar(32) NOT NULL,
    strategy    varchar(32) NOT NULL DEFAULT 'ROUND_ROBIN',
    -- the next round-robin slot; advanced under the row lock so replicas never hand out the same slot
    rr_cursor   bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL
);

CREATE TABLE queue_member (
    id        uuid PRIMARY KEY,
    queue_id  uuid NOT NULL REFERENCES queue (id),
    username  varchar(100) NOT NULL,
    role      varchar(8) NOT NULL CHECK (role IN ('SDR', 'BDR', 'AE')),
    active    boolean NOT NULL DEFAULT true,
    position  integer NOT NULL,
    UNIQUE (queue_id, username),
    UNIQUE (queue_id, position)
);

CREATE TABLE ownership_policy (
    id           uuid PRIMARY KEY,
    version      varchar(64) NOT NULL UNIQUE,
    active       boolean NOT NULL DEFAULT false,
    description  varchar(1000),
    created_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX ownership_policy_one_active ON ownership_policy (active) WHERE active;

-- Ordered rules; the first that matches wins, else the policy's one default rule. A null match field matches anything.
CREATE TABLE ownership_rule (
    id                 uuid PRIMARY KEY,
    policy_id          uuid NOT NULL REFERENCES ownership_policy (id),
    position           integer NOT NULL,
    name               varchar(100) NOT NULL,
    direction          varchar(16) CHECK (direction IN ('inbound', 'outbound')),
    consent_marketing  boolean,
    is_default         boolean NOT NULL DEFAULT false,
    target_queue_id    uuid NOT NULL REFERENCES queue (id),
    UNIQUE (policy_id, position),
    CHECK (NOT is_default OR (direction IS NULL AND consent_marketing IS NULL))
);
CREATE UNIQUE INDEX ownership_rule_one_default ON ownership_rule (policy_id) WHERE is_default;

CREATE TABLE assignment (
    id                uuid PRIMARY KEY,
    lead_id           uuid NOT NULL,
    queue_id          uuid NOT NULL REFERENCES queue (id),
    assignee          varchar(100) NOT NULL,
    owning_org        varchar(16) NOT NULL CHECK (owning_org IN ('MARKETING', 'SALES')),
    policy_version    varchar(64) NOT NULL,
    direction         varchar(16),
    channel           varchar(16),
    status            varchar(16) NOT NULL,
    assigned_at       timestamptz NOT NULL,
    accepted_at       timestamptz,
    first_touched_at  timestamptz,
    breached_at       timestamptz
);
-- A lead is never assigned twice, whichever replica routes it.
CREATE UNIQUE INDEX assignment_one_active_per_lead ON assignment (lead_id) WHERE status = 'ACTIVE';
CREATE INDEX assignment_assignee_idx ON assignment (assignee, status);

CREATE TABLE assignment_ledger_entry (
    id             uuid PRIMARY KEY,
    lead_id        uuid NOT NULL,
    assignment_id  uuid,
    at             timestamptz NOT NULL,
    action         varchar(16) NOT NULL,
    actor          varchar(100) NOT NULL,
    reason         varchar(2000) NOT NULL
);
CREATE INDEX assignment_ledger_entry_lead_idx ON assignment_ledger_entry (lead_id, at);

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
