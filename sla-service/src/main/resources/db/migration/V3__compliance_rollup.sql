-- Compliance rollup: what the report needs, per UTC day of started_at, clock type and grouping dimension (org,
-- queue, rep, channel). Statement-level triggers on sla_clock record every change, whatever writes it (JPA, the
-- timer's set-based UPDATE, bulk loads, erasure), as delta rows in the same transaction; sla_rollup_compact()
-- folds committed deltas into the rollup. Deltas are plain inserts, so writers never wait on a hot rollup row.
-- The report reads rollup + deltas. Counts are exact; the time figures are histograms of sla_bucket() buckets.

-- A bucket's lower bound: exact below 128 ms, then the value's top 7 significant bits, so a bucket is at most
-- 1/64 of its lower bound wide (64 buckets per doubling) and its midpoint is within 0.8 % of any value in it.
CREATE FUNCTION sla_bucket(v bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v < 128 THEN greatest(v, 0)
                ELSE (v >> (floor(ln(v::float8) / ln(2::float8))::int - 6))
                        << (floor(ln(v::float8) / ln(2::float8))::int - 6)
           END
$$;

CREATE TABLE sla_rollup (
    clock_type varchar(40) NOT NULL,
    dim        varchar(8) NOT NULL,
    day        date NOT NULL,
    grp        varchar(100) NOT NULL,
    owning_org varchar(16) NOT NULL,
    started    bigint NOT NULL,
    met        bigint NOT NULL,
    breached   bigint NOT NULL,
    open       bigint NOT NULL,
    cancelled  bigint NOT NULL,
    PRIMARY KEY (clock_type, dim, day, grp, owning_org)
);

-- metric: 1 = time to first touch, wall; 2 = the same in business time; 3 = system delay (capture -> assignment).
CREATE TABLE sla_rollup_hist (
    clock_type varchar(40) NOT NULL,
    dim        varchar(8) NOT NULL,
    day        date NOT NULL,
    grp        varchar(100) NOT NULL,
    owning_org varchar(16) NOT NULL,
    metric     smallint NOT NULL,
    bucket     bigint NOT NULL,
    n          bigint NOT NULL,
    PRIMARY KEY (clock_type, dim, day, grp, owning_org, metric, bucket)
);

CREATE TABLE sla_rollup_delta (
    clock_type varchar(40) NOT NULL,
    dim        varchar(8) NOT NULL,
    day        date NOT NULL,
    grp        varchar(100) NOT NULL,
    owning_org varchar(16) NOT NULL,
    started    bigint NOT NULL,
    met        bigint NOT NULL,
    breached   bigint NOT NULL,
    open       bigint NOT NULL,
    cancelled  bigint NOT NULL
);
CREATE INDEX sla_rollup_delta_idx ON sla_rollup_delta (clock_type, dim, day);

CREATE TABLE sla_rollup_hist_delta (
    clock_type varchar(40) NOT NULL,
    dim        varchar(8) NOT NULL,
    day        date NOT NULL,
    grp        varchar(100) NOT NULL,
    owning_org varchar(16) NOT NULL,
    metric     smallint NOT NULL,
    bucket     bigint NOT NULL,
    n          bigint NOT NULL
);
CREATE INDEX sla_rollup_hist_delta_idx ON sla_rollup_hist_delta (clock_type, dim, day);

-- Each statement adds its new rows and subtracts its old ones; a change that nets to zero (a warning, a pause)
-- writes nothing.
CREATE FUNCTION sla_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH c AS (SELECT 1 AS sign, true AS hist, clock_type, started_at, owning_org, queue_name, assignee, channel,
               status, touch_wall_ms, touch_business_ms, system_delay_ms FROM new_rows),
    d AS (
        SELECT c.sign, c.hist, c.clock_type, (c.started_at AT TIME ZONE 'UTC')::date AS day, x.dim, x.grp,
               coalesce(c.owning_org, 'none') AS org, c.status,
               sla_bucket(c.touch_wall_ms) AS wall, sla_bucket(c.touch_business_ms) AS business,
               sla_bucket(c.system_delay_ms) AS system
        FROM c CROSS JOIN LATERAL (VALUES ('org', coalesce(c.owning_org, 'none')),
                ('queue', coalesce(c.queue_name, 'none')), ('rep', coalesce(c.assignee, 'none')),
                ('channel', coalesce(c.channel, 'none'))) x(dim, grp)
    ),
    counts AS (
        INSERT INTO sla_rollup_delta (clock_type, dim, day, grp, owning_org, started, met, breached, open, cancelled)
        SELECT clock_type, dim, day, grp, org, sum(sign), sum(sign * (status = 'MET')::int),
               sum(sign * (status = 'BREACHED')::int), sum(sign * (status IN ('RUNNING', 'PAUSED'))::int),
               sum(sign * (status = 'CANCELLED')::int)
        FROM d GROUP BY clock_type, dim, day, grp, org
        HAVING sum(sign) <> 0 OR sum(sign * (status = 'MET')::int) <> 0 OR sum(sign * (status = 'BREACHED')::int) <> 0
            OR sum(sign * (status IN ('RUNNING', 'PAUSED'))::int) <> 0 OR sum(sign * (status = 'CANCELLED')::int) <> 0
        RETURNING 1
    )
    INSERT INTO sla_rollup_hist_delta (clock_type, dim, day, grp, owning_org, metric, bucket, n)
    SELECT d.clock_type, d.dim, d.day, d.grp, d.org, m.metric, m.bucket, sum(d.sign)
    FROM d CROSS JOIN LATERAL (VALUES (1::smallint, d.wall), (2::smallint, d.business), (3::smallint, d.system))
            m(metric, bucket)
    WHERE d.hist AND m.bucket IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(d.sign) <> 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION sla_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH c AS (WITH p AS (
            SELECT n.clock_type, n.started_at, n.owning_org, n.queue_name, n.assignee, n.channel, n.status,
                   n.touch_wall_ms, n.touch_business_ms, n.system_delay_ms,
                   o.clock_type AS o_clock_type, o.started_at AS o_started_at, o.owning_org AS o_owning_org,
                   o.queue_name AS o_queue_name, o.assignee AS o_assignee, o.channel AS o_channel,
                   o.status AS o_status, o.touch_wall_ms AS o_touch_wall_ms,
                   o.touch_business_ms AS o_touch_business_ms, o.system_delay_ms AS o_system_delay_ms,
                   (n.clock_type, n.started_at, n.owning_org, n.queue_name, n.assignee, n.channel, n.touch_wall_ms,
                    n.touch_business_ms, n.system_delay_ms) IS DISTINCT FROM (o.clock_type, o.started_at,
                    o.owning_org, o.queue_name, o.assignee, o.channel, o.touch_wall_ms, o.touch_business_ms,
                    o.system_delay_ms) AS hist
            FROM new_rows n JOIN old_rows o ON o.id = n.id)
        SELECT 1 AS sign, hist, clock_type, started_at, owning_org, queue_name, assignee, channel, status,
               touch_wall_ms, touch_business_ms, system_delay_ms FROM p WHERE hist OR status <> o_status
        UNION ALL
        SELECT -1, hist, o_clock_type, o_started_at, o_owning_org, o_queue_name, o_assignee, o_channel, o_status,
               o_touch_wall_ms, o_touch_business_ms, o_system_delay_ms FROM p WHERE hist OR status <> o_status),
    d AS (
        SELECT c.sign, c.hist, c.clock_type, (c.started_at AT TIME ZONE 'UTC')::date AS day, x.dim, x.grp,
               coalesce(c.owning_org, 'none') AS org, c.status,
               sla_bucket(c.touch_wall_ms) AS wall, sla_bucket(c.touch_business_ms) AS business,
               sla_bucket(c.system_delay_ms) AS system
        FROM c CROSS JOIN LATERAL (VALUES ('org', coalesce(c.owning_org, 'none')),
                ('queue', coalesce(c.queue_name, 'none')), ('rep', coalesce(c.assignee, 'none')),
                ('channel', coalesce(c.channel, 'none'))) x(dim, grp)
    ),
    counts AS (
        INSERT INTO sla_rollup_delta (clock_type, dim, day, grp, owning_org, started, met, breached, open, cancelled)
        SELECT clock_type, dim, day, grp, org, sum(sign), sum(sign * (status = 'MET')::int),
               sum(sign * (status = 'BREACHED')::int), sum(sign * (status IN ('RUNNING', 'PAUSED'))::int),
               sum(sign * (status = 'CANCELLED')::int)
        FROM d GROUP BY clock_type, dim, day, grp, org
        HAVING sum(sign) <> 0 OR sum(sign * (status = 'MET')::int) <> 0 OR sum(sign * (status = 'BREACHED')::int) <> 0
            OR sum(sign * (status IN ('RUNNING', 'PAUSED'))::int) <> 0 OR sum(sign * (status = 'CANCELLED')::int) <> 0
        RETURNING 1
    )
    INSERT INTO sla_rollup_hist_delta (clock_type, dim, day, grp, owning_org, metric, bucket, n)
    SELECT d.clock_type, d.dim, d.day, d.grp, d.org, m.metric, m.bucket, sum(d.sign)
    FROM d CROSS JOIN LATERAL (VALUES (1::smallint, d.wall), (2::smallint, d.business), (3::smallint, d.system))
            m(metric, bucket)
    WHERE d.hist AND m.bucket IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(d.sign) <> 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION sla_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH c AS (SELECT -1 AS sign, true AS hist, clock_type, started_at, owning_org, queue_name, assignee, channel,
               status, touch_wall_ms, touch_business_ms, system_delay_ms FROM old_rows),
    d AS (
        SELECT c.sign, c.hist, c.clock_type, (c.started_at AT TIME ZONE 'UTC')::date AS day, x.dim, x.grp,
               coalesce(c.owning_org, 'none') AS org, c.status,
               sla_bucket(c.touch_wall_ms) AS wall, sla_bucket(c.touch_business_ms) AS business,
               sla_bucket(c.system_delay_ms) AS system
        FROM c CROSS JOIN LATERAL (VALUES ('org', coalesce(c.owning_org, 'none')),
                ('queue', coalesce(c.queue_name, 'none')), ('rep', coalesce(c.assignee, 'none')),
                ('channel', coalesce(c.channel, 'none'))) x(dim, grp)
    ),
    counts AS (
        INSERT INTO sla_rollup_delta (clock_type, dim, day, grp, owning_org, started, met, breached, open, cancelled)
        SELECT clock_type, dim, day, grp, org, sum(sign), sum(sign * (status = 'MET')::int),
               sum(sign * (status = 'BREACHED')::int), sum(sign * (status IN ('RUNNING', 'PAUSED'))::int),
               sum(sign * (status = 'CANCELLED')::int)
        FROM d GROUP BY clock_type, dim, day, grp, org
        HAVING sum(sign) <> 0 OR sum(sign * (status = 'MET')::int) <> 0 OR sum(sign * (status = 'BREACHED')::int) <> 0
            OR sum(sign * (status IN ('RUNNING', 'PAUSED'))::int) <> 0 OR sum(sign * (status = 'CANCELLED')::int) <> 0
        RETURNING 1
    )
    INSERT INTO sla_rollup_hist_delta (clock_type, dim, day, grp, owning_org, metric, bucket, n)
    SELECT d.clock_type, d.dim, d.day, d.grp, d.org, m.metric, m.bucket, sum(d.sign)
    FROM d CROSS JOIN LATERAL (VALUES (1::smallint, d.wall), (2::smallint, d.business), (3::smallint, d.system))
            m(metric, bucket)
    WHERE d.hist AND m.bucket IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(d.sign) <> 0;
    RETURN NULL;
END
$$;

CREATE TRIGGER sla_rollup_insert AFTER INSERT ON sla_clock REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sla_rollup_on_insert();
CREATE TRIGGER sla_rollup_update AFTER UPDATE ON sla_clock REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sla_rollup_on_update();
CREATE TRIGGER sla_rollup_delete AFTER DELETE ON sla_clock REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sla_rollup_on_delete();

-- Folds the committed deltas into the rollup; one replica at a time, the others skip. Returns the deltas folded.
CREATE FUNCTION sla_rollup_compact() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    folded bigint;
    hist_folded bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('sla_rollup_compact')) THEN
        RETURN 0;
    END IF;
    WITH moved AS (DELETE FROM sla_rollup_delta RETURNING *)
    INSERT INTO sla_rollup AS r (clock_type, dim, day, grp, owning_org, started, met, breached, open, cancelled)
    SELECT clock_type, dim, day, grp, owning_org, sum(started), sum(met), sum(breached), sum(open), sum(cancelled)
    FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (clock_type, dim, day, grp, owning_org) DO UPDATE SET started = r.started + excluded.started,
        met = r.met + excluded.met, breached = r.breached + excluded.breached, open = r.open + excluded.open,
        cancelled = r.cancelled + excluded.cancelled;
    GET DIAGNOSTICS folded = ROW_COUNT;
    WITH moved AS (DELETE FROM sla_rollup_hist_delta RETURNING *)
    INSERT INTO sla_rollup_hist AS h (clock_type, dim, day, grp, owning_org, metric, bucket, n)
    SELECT clock_type, dim, day, grp, owning_org, metric, bucket, sum(n)
    FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (clock_type, dim, day, grp, owning_org, metric, bucket) DO UPDATE SET n = h.n + excluded.n;
    GET DIAGNOSTICS hist_folded = ROW_COUNT;
    RETURN folded + hist_folded;
END
$$;

-- The clocks already there.
WITH c AS (SELECT 1 AS sign, true AS hist, clock_type, started_at, owning_org, queue_name, assignee, channel,
           status, touch_wall_ms, touch_business_ms, system_delay_ms FROM sla_clock),
d AS (
    SELECT c.sign, c.hist, c.clock_type, (c.started_at AT TIME ZONE 'UTC')::date AS day, x.dim, x.grp,
           coalesce(c.owning_org, 'none') AS org, c.status,
           sla_bucket(c.touch_wall_ms) AS wall, sla_bucket(c.touch_business_ms) AS business,
           sla_bucket(c.system_delay_ms) AS system
    FROM c CROSS JOIN LATERAL (VALUES ('org', coalesce(c.owning_org, 'none')),
            ('queue', coalesce(c.queue_name, 'none')), ('rep', coalesce(c.assignee, 'none')),
            ('channel', coalesce(c.channel, 'none'))) x(dim, grp)
),
counts AS (
    INSERT INTO sla_rollup_delta (clock_type, dim, day, grp, owning_org, started, met, breached, open, cancelled)
    SELECT clock_type, dim, day, grp, org, sum(sign), sum(sign * (status = 'MET')::int),
           sum(sign * (status = 'BREACHED')::int), sum(sign * (status IN ('RUNNING', 'PAUSED'))::int),
           sum(sign * (status = 'CANCELLED')::int)
    FROM d GROUP BY clock_type, dim, day, grp, org
    HAVING sum(sign) <> 0 OR sum(sign * (status = 'MET')::int) <> 0 OR sum(sign * (status = 'BREACHED')::int) <> 0
        OR sum(sign * (status IN ('RUNNING', 'PAUSED'))::int) <> 0 OR sum(sign * (status = 'CANCELLED')::int) <> 0
    RETURNING 1
)
INSERT INTO sla_rollup_hist_delta (clock_type, dim, day, grp, owning_org, metric, bucket, n)
SELECT d.clock_type, d.dim, d.day, d.grp, d.org, m.metric, m.bucket, sum(d.sign)
FROM d CROSS JOIN LATERAL (VALUES (1::smallint, d.wall), (2::smallint, d.business), (3::smallint, d.system))
        m(metric, bucket)
WHERE d.hist AND m.bucket IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
HAVING sum(d.sign) <> 0;
SELECT sla_rollup_compact();

-- The edges of a report window that are not whole days are read from sla_clock.
CREATE INDEX sla_clock_type_started_idx ON sla_clock (clock_type, started_at);
