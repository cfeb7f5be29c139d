CREATE TABLE lead_profile (
    lead_id    uuid PRIMARY KEY,
    version    bigint NOT NULL,
    profile    jsonb NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE engagement (
    id          uuid PRIMARY KEY,
    lead_id     uuid NOT NULL,
    type        varchar(40) NOT NULL,
    value       double precision,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX engagement_lead_idx ON engagement (lead_id);

CREATE TABLE lead_score (
    lead_id          uuid PRIMARY KEY,
    model_version    varchar(64) NOT NULL,
    fit_score        integer NOT NULL,
    fit_grade        varchar(2) NOT NULL,
    engagement_score integer NOT NULL,
    stage            varchar(16) NOT NULL,
    contributions    jsonb NOT NULL,
    scored_at        timestamptz NOT NULL
);

CREATE TABLE score_history (
    id               uuid PRIMARY KEY,
    lead_id          uuid NOT NULL,
    model_version    varchar(64) NOT NULL,
    fit_score        integer NOT NULL,
    fit_grade        varchar(2) NOT NULL,
    engagement_score integer NOT NULL,
    stage            varchar(16) NOT NULL,
    scored_at        timestamptz NOT NULL
);
CREATE INDEX score_history_lead_idx ON score_history (lead_id, scored_at);

CREATE TABLE scoring_model (
    id           uuid PRIMARY KEY,
    name         varchar(100) NOT NULL,
    version      varchar(64) NOT NULL UNIQUE,
    status       varchar(16) NOT NULL,
    description  varchar(2000),
    definition   jsonb NOT NULL,
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz NOT NULL,
    activated_at timestamptz
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
