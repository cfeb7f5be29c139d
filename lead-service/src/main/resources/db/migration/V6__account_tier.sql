-- the tier ops set for an account (lead.account_domain); an account without a row takes the tier its head count implies
CREATE TABLE account (
    domain     varchar(255) PRIMARY KEY,
    tier       varchar(16) NOT NULL CHECK (tier IN ('STRATEGIC', 'ENTERPRISE', 'MID_MARKET', 'SMB')),
    set_by     varchar(100) NOT NULL,
    updated_at timestamptz NOT NULL
);
