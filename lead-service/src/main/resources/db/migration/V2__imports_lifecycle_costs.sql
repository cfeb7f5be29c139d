-- capture: the company as sent, latest-touch attribution next to the first touch, consent record
ALTER TABLE lead
    ADD COLUMN company_original    varchar(200),
    ADD COLUMN latest_channel      varchar(16),
    ADD COLUMN latest_source       varchar(100),
    ADD COLUMN latest_campaign     varchar(200),
    ADD COLUMN latest_captured_at  timestamptz,
    ADD COLUMN consent_recorded_at timestamptz,
    ADD COLUMN consent_source      varchar(100),
    ADD COLUMN consent_text_version varchar(40),
    ADD COLUMN stage_changed_at    timestamptz,
    ADD COLUMN mql_at              timestamptz,
    ADD COLUMN sql_at              timestamptz,
    ADD COLUMN opportunity_at      timestamptz,
    ADD COLUMN rejection_reason    varchar(64),
    ADD COLUMN erased_at           timestamptz;
CREATE INDEX lead_external_id_idx ON lead (external_id);
CREATE INDEX lead_captured_at_idx ON lead (captured_at);

-- imported events carry a natural key so a second import of the same file adds nothing
ALTER TABLE engagement_event ADD COLUMN import_key varchar(120);
CREATE UNIQUE INDEX engagement_event_import_key_idx ON engagement_event (lead_id, import_key);

-- captures, merges, score, stage, assignment, SLA and rejection entries; engagement comes from its own table
CREATE TABLE lead_timeline (
    id          uuid PRIMARY KEY,
    lead_id     uuid NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    occurred_at timestamptz NOT NULL,
    kind        varchar(40) NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX lead_timeline_lead_idx ON lead_timeline (lead_id, occurred_at);

CREATE TABLE import_job (
    id          uuid PRIMARY KEY,
    kind        varchar(16) NOT NULL,
    status      varchar(16) NOT NULL,
    total       integer NOT NULL,
    processed   integer NOT NULL DEFAULT 0,
    accepted    integer NOT NULL DEFAULT 0,
    merged      integer NOT NULL DEFAULT 0,
    rejected    integer NOT NULL DEFAULT 0,
    errors      jsonb NOT NULL DEFAULT '[]',
    failure     varchar(2000),
    created_by  varchar(100),
    created_at  timestamptz NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz
);

CREATE TABLE campaign_cost (
    campaign     varchar(200) NOT NULL,
    channel      varchar(16) NOT NULL,
    source       varchar(100),
    period_start date NOT NULL,
    period_end   date NOT NULL,
    cost_usd     numeric(14, 2) NOT NULL,
    loaded_at    timestamptz NOT NULL,
    PRIMARY KEY (campaign, period_start, period_end)
);

-- every external id a lead arrived with (a merged duplicate row brings its own), so events can find the lead
CREATE TABLE lead_external_id (
    external_id varchar(100) PRIMARY KEY,
    lead_id     uuid NOT NULL REFERENCES lead (id) ON DELETE CASCADE
);
CREATE INDEX lead_external_id_lead_idx ON lead_external_id (lead_id);
