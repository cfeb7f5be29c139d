-- Queues: a manager (the last link of the fallback chain), an overflow queue, working hours and escalation.
ALTER TABLE queue
    ADD COLUMN manager               varchar(100),
    ADD COLUMN overflow_queue_id     uuid REFERENCES queue (id),
    ADD COLUMN enforce_working_hours boolean NOT NULL DEFAULT false,
    ADD COLUMN escalation            varchar(16) NOT NULL DEFAULT 'RECORD' CHECK (escalation IN ('RECORD', 'REASSIGN'));

-- assigned_count drives round robin and weighted picks, so fairness survives members joining and leaving.
ALTER TABLE queue_member
    ADD COLUMN weight            integer NOT NULL DEFAULT 1 CHECK (weight > 0),
    ADD COLUMN capacity          integer CHECK (capacity IS NULL OR capacity >= 0),
    ADD COLUMN work_start        time,
    ADD COLUMN work_end          time,
    ADD COLUMN time_zone         varchar(64),
    ADD COLUMN manager           varchar(100),
    ADD COLUMN carries_quota     boolean NOT NULL DEFAULT false,
    ADD COLUMN assigned_count    bigint NOT NULL DEFAULT 0,
    ADD COLUMN unavailable_until timestamptz;

CREATE TABLE queue_member_absence (
    member_id  uuid NOT NULL REFERENCES queue_member (id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX queue_member_absence_member_idx ON queue_member_absence (member_id);

-- A policy is a draft until activated; the activated policy with the latest effective time not in the future routes.
ALTER TABLE ownership_policy ADD COLUMN effective_from timestamptz;
UPDATE ownership_policy SET effective_from = created_at WHERE active;
DROP INDEX ownership_policy_one_active;

-- List criteria are comma-separated values; a null criterion matches any lead.
ALTER TABLE ownership_rule
    ADD COLUMN stage            varchar(8) CHECK (stage IN ('MQL', 'SQL')),
    ADD COLUMN fit_grades       varchar(32),
    ADD COLUMN engagement_bands varchar(32),
    ADD COLUMN regions          varchar(200),
    ADD COLUMN countries        varchar(500),
    ADD COLUMN industries       varchar(1000),
    ADD COLUMN employees_min    integer,
    ADD COLUMN employees_max    integer,
    ADD COLUMN channels         varchar(200);

ALTER TABLE assignment
    ADD COLUMN rule_name  varchar(100),
    ADD COLUMN score      integer,
    ADD COLUMN domain     varchar(255),
    ADD COLUMN sla_due_at timestamptz,
    ADD COLUMN ended_at   timestamptz,
    ADD COLUMN end_reason varchar(200);
CREATE INDEX assignment_queue_idx ON assignment (queue_id, status);
CREATE INDEX assignment_domain_idx ON assignment (domain, owning_org);

ALTER TABLE assignment_ledger_entry
    ALTER COLUMN action TYPE varchar(32),
    ADD COLUMN policy_version varchar(64),
    ADD COLUMN rule_name      varchar(100),
    ADD COLUMN candidates     varchar(2000),
    ADD COLUMN skipped        varchar(2000),
    ADD COLUMN chosen         varchar(100),
    -- Lines written in one transaction share a time; the sequence keeps them in the order they were written.
    ADD COLUMN seq            bigint GENERATED ALWAYS AS IDENTITY;

-- The last qualification of each lead, kept so a draft policy can be replayed over recent leads.
CREATE TABLE qualified_fact (
    lead_id           uuid PRIMARY KEY,
    stage             varchar(8) NOT NULL,
    model_version     varchar(64),
    fit_grade         varchar(4),
    fit_score         integer NOT NULL,
    engagement_score  integer NOT NULL,
    direction         varchar(16),
    channel           varchar(32),
    country           varchar(8),
    region            varchar(16),
    industry          varchar(200),
    employees         integer,
    domain            varchar(255),
    consent_marketing boolean,
    qualified_at      timestamptz,
    received_at       timestamptz NOT NULL
);
CREATE INDEX qualified_fact_received_idx ON qualified_fact (received_at);

-- Leads the fallback chain could not place (no eligible member, overflow or manager), retried until capacity frees.
CREATE TABLE waiting_lead (
    lead_id         uuid PRIMARY KEY,
    queue_id        uuid NOT NULL REFERENCES queue (id),
    policy_version  varchar(64) NOT NULL,
    rule_name       varchar(100) NOT NULL,
    since           timestamptz NOT NULL,
    reason          varchar(2000) NOT NULL
);
CREATE INDEX waiting_lead_since_idx ON waiting_lead (since);

CREATE TABLE member_breach (
    id          uuid PRIMARY KEY,
    username    varchar(100) NOT NULL,
    lead_id     uuid NOT NULL,
    clock_type  varchar(32),
    at          timestamptz NOT NULL
);
CREATE INDEX member_breach_user_idx ON member_breach (username, at);

-- Managers live here, not in Keycloak: mel runs the marketing queue, sol the sales ones.
UPDATE queue SET manager = 'mel' WHERE name = 'inbound-sdr';
UPDATE queue SET manager = 'sol' WHERE name = 'outbound-bdr';
UPDATE queue_member SET manager = 'mel' WHERE username = 'xena';
UPDATE queue_member SET manager = 'sol' WHERE username = 'xavier';

-- The sales-owned AE queue that hand-offs land in; ada is a placeholder AE (no Keycloak user yet).
INSERT INTO queue (id, name, owning_org, purpose, strategy, rr_cursor, created_at, manager) VALUES
    ('33333333-3333-4333-8333-333333333333', 'sales-ae', 'SALES', 'AE', 'ROUND_ROBIN', 0, now(), 'sol');
INSERT INTO queue_member (id, queue_id, username, role, active, position, manager) VALUES
    ('a3333333-3333-4333-8333-333333333333', '33333333-3333-4333-8333-333333333333', 'ada', 'AE', true, 1, 'sol');
