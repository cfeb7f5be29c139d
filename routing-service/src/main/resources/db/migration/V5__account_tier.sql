-- The account tier from lead.qualified (null when unknown or from an older producer), as a policy segment.
ALTER TABLE qualified_fact ADD COLUMN account_tier varchar(16);
ALTER TABLE assignment ADD COLUMN account_tier varchar(16);
-- A comma-separated list of AccountTiers; null matches any lead.
ALTER TABLE ownership_rule ADD COLUMN account_tiers varchar(64);
