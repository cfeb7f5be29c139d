-- a lead may be captured with a phone number and no email; phone is E.164 (+ and up to 15 digits)
ALTER TABLE lead ALTER COLUMN email DROP NOT NULL;
ALTER TABLE lead ADD COLUMN phone varchar(16);
-- phone-only captures dedupe on it
CREATE INDEX lead_phone_only_idx ON lead (phone) WHERE email IS NULL;
