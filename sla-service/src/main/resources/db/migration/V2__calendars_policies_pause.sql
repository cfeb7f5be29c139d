-- Business-hours calendars; weekly_hours and holidays are JSON documents validated by the API.
CREATE TABLE sla_calendar (
    name         varchar(64) PRIMARY KEY,
    time_zone    varchar(64) NOT NULL,
    weekly_hours text NOT NULL,
    holidays     text NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Versioned SLA policies: a version is never changed once stored, at most one is active.
CREATE TABLE sla_policy (
    version      integer PRIMARY KEY,
    name         varchar(64) NOT NULL,
    definition   text NOT NULL,
    active       boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    created_by   varchar(100),
    activated_at timestamptz
);
CREATE UNIQUE INDEX sla_policy_one_active_uq ON sla_policy (active) WHERE active;

-- When a lead was captured and qualified, for the system-delay figures of its later clocks.
CREATE TABLE lead_milestone (
    lead_id      uuid PRIMARY KEY,
    channel      varchar(100),
    direction    varchar(40),
    captured_at  timestamptz,
    qualified_at timestamptz
);

-- The system-delay clock starts at capture, before any assignment exists.
ALTER TABLE sla_clock ALTER COLUMN assignment_id DROP NOT NULL;
ALTER TABLE sla_clock
    ADD COLUMN calendar_name     varchar(64) NOT NULL DEFAULT '24x7',
    ADD COLUMN target_ms         bigint,
    ADD COLUMN channel           varchar(100),
    ADD COLUMN direction         varchar(40),
    ADD COLUMN paused_at         timestamptz,
    ADD COLUMN pause_reason      varchar(200),
    ADD COLUMN paused_business_ms bigint NOT NULL DEFAULT 0,
    ADD COLUMN remaining_ms      bigint,
    ADD COLUMN warn_remaining_ms bigint,
    ADD COLUMN touched_at        timestamptz,
    ADD COLUMN touch_wall_ms     bigint,
    ADD COLUMN touch_business_ms bigint,
    ADD COLUMN captured_at       timestamptz,
    ADD COLUMN qualified_at      timestamptz,
    ADD COLUMN system_delay_ms   bigint;
ALTER TABLE sla_clock DROP CONSTRAINT sla_clock_status_chk;
ALTER TABLE sla_clock ADD CONSTRAINT sla_clock_status_chk
    CHECK (status IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED', 'CANCELLED'));
CREATE UNIQUE INDEX sla_clock_system_delay_uq ON sla_clock (lead_id) WHERE clock_type = 'SYSTEM_DELAY';
CREATE INDEX sla_clock_started_idx ON sla_clock (started_at);
