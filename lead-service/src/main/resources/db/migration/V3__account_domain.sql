-- the account a lead belongs to, by company domain; free-mail domains never match an account
ALTER TABLE lead ADD COLUMN account_domain varchar(255);
CREATE INDEX lead_account_domain_idx ON lead (account_domain);
