-- Scoring models become CEL data: the built-in model default-1 is rewritten as CEL rules with the same behaviour
-- (see README), and activation re-scores existing leads in the background with its progress kept on the model.
ALTER TABLE scoring_model
    ADD COLUMN rescore_status      varchar(16),
    ADD COLUMN rescore_total       integer,
    ADD COLUMN rescore_done        integer,
    ADD COLUMN rescore_started_at  timestamptz,
    ADD COLUMN rescore_finished_at timestamptz;

ALTER TABLE lead_score
    ADD COLUMN mql_met boolean NOT NULL DEFAULT false,
    ADD COLUMN sql_met boolean NOT NULL DEFAULT false;

CREATE UNIQUE INDEX scoring_model_one_active_idx ON scoring_model (status) WHERE status = 'ACTIVE';
CREATE INDEX engagement_occurred_idx ON engagement (occurred_at);

UPDATE scoring_model
SET description = 'Built-in fit and engagement rules as CEL; see scoring-service/README.md',
    definition  = $model$
{
  "fitRules": [
    {"id": "employees-over-100", "when": "lead.employees > 100", "points": 15},
    {"id": "budget-10k", "when": "lead.annualBudgetUsd >= 10000", "points": 15},
    {"id": "target-industry", "when": "lead.industry.lowerAscii() in ['it security', 'saas', 'financial services']", "points": 10},
    {"id": "senior-title", "when": "lead.jobTitle.matches('(?i)\\\\b(director|vp|vice president|head|chief|c[a-z]o)\\\\b')", "points": 10},
    {"id": "runs-salesforce", "when": "lead.technologies.exists(t, t.lowerAscii() == 'salesforce')", "points": 5}
  ],
  "engagementRules": [
    {"type": "page_view", "points": 1, "cap": 10, "halfLife": "P7D"},
    {"type": "pricing_page_view", "points": 5, "cap": 15, "halfLife": "P14D"},
    {"type": "content_download", "points": 8, "cap": 24, "halfLife": "P30D"},
    {"type": "email_click", "points": 3, "cap": 9, "halfLife": "P14D"},
    {"type": "webinar_attended", "points": 10, "cap": 20, "halfLife": "P30D"},
    {"type": "demo_requested", "points": 25, "cap": 25, "halfLife": "P30D"},
    {"type": "trial_started", "points": 20, "cap": 20, "halfLife": "P30D"},
    {"type": "chat_agreed", "points": 15, "cap": 15, "halfLife": "P30D"},
    {"type": "nps_submitted", "when": "event.value >= 9", "points": 10, "cap": 10, "halfLife": "P30D"},
    {"type": "unsubscribe", "points": -20, "cap": -20, "halfLife": "P3650D"}
  ],
  "grades": {"A": 45, "B": 30, "C": 15},
  "mql": "grade in ['A', 'B'] && fit + engagement >= 40",
  "sql": "grade == 'A' && fit + engagement >= 40 && engagement >= 40"
}
$model$::jsonb
WHERE version = 'default-1';
