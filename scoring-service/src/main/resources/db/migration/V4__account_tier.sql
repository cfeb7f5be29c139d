-- the lead's account tier as lead-service last published it (lead.captured / lead.updated); lead.qualified carries it
ALTER TABLE lead_profile ADD COLUMN account_tier varchar(16);
UPDATE lead_profile SET account_tier = profile ->> 'accountTier' WHERE profile ? 'accountTier';
