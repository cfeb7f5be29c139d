-- Every event about a lead looks up its active assignment by (lead_id, status). The partial unique index
-- assignment_one_active_per_lead cannot serve that lookup once PostgreSQL switches the prepared statement to a
-- generic plan (status is a parameter there), so it scanned the whole table: 0.6 ms at 10,000 assignments, and
-- growing with every lead (issue 7).
CREATE INDEX assignment_lead_status_idx ON assignment (lead_id, status);
