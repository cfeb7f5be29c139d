CREATE TABLE lead (
    id                 uuid PRIMARY KEY,
    external_id        varchar(100),
    email              varchar(320) NOT NULL UNIQUE,
    first_name         varchar(100),
    last_name          varchar(100),
    company            varchar(200),
    domain             varchar(255),
    job_title          varchar(200),
    industry           varchar(100),
    employees          integer,
    annual_budget_usd  bigint,
    country            varchar(64),
    region             varchar(64),
    technologies       jsonb NOT NULL DEFAULT '[]',
    interests          jsonb NOT NULL DEFAULT '[]',
    direction          varchar(16) NOT NULL,
    channel            varchar(16),
    source             varchar(100),
    campaign           varchar(200),
    utm_source         varchar(200),
    utm_medium         varchar(200),
    utm_campaign       varchar(200),
    consent_marketing  boolean,
    consent_contact    boolean,
    captured_at        timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    version            bigint NOT NULL,
    -- read model fed by the other services' events
    stage              varchar(16) NOT NULL DEFAULT 'LEAD',
    fit_score          integer,
    fit_grade          varchar(2),
    engagement_score   integer,
    model_version      varchar(64),
    scored_at          timestamptz,
    assignment_id      uuid,
    assigned_queue     varchar(100),
    owning_org         varchar(16),
    assignee           varchar(100),
    assigned_at        timestamptz
);
CREATE INDEX lead_assignee_idx ON lead (assignee);

CREATE TABLE engagement_event (
    id          uuid PRIMARY KEY,
    lead_id     uuid NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    type        varchar(40) NOT NULL,
    value       double precision,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX engagement_event_lead_idx ON engagement_event (lead_id, occurred_at);

CREATE TABLE lead_sla_clock (
    clock_id    uuid PRIMARY KEY,
    lead_id     uuid NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    clock_type  varchar(40) NOT NULL,
    status      varchar(16) NOT NULL,
    assignee    varchar(100),
    started_at  timestamptz,
    due_at      timestamptz,
    met_at      timestamptz,
    breached_at timestamptz
);
CREATE INDEX lead_sla_clock_lead_idx ON lead_sla_clock (lead_id);

CREATE TABLE idempotency_key (
    key        varchar(200) PRIMARY KEY,
    lead_id    uuid NOT NULL,
    status     integer NOT NULL,
    created_at timestamptz NOT NULL
);

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
