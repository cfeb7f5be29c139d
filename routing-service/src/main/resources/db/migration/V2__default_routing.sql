-- The spine's default setup: one marketing-owned inbound SDR queue, one sales-owned outbound BDR queue, and
-- policy default-1. Rule 1 keeps leads that refused marketing consent out of the MARKETING-owned queue.
INSERT INTO queue (id, name, owning_org, purpose, strategy, rr_cursor, created_at) VALUES
    ('11111111-1111-4111-8111-111111111111', 'inbound-sdr', 'MARKETING', 'INBOUND_SDR', 'ROUND_ROBIN', 0, now()),
    ('22222222-2222-4222-8222-222222222222', 'outbound-bdr', 'SALES', 'OUTBOUND_BDR', 'ROUND_ROBIN', 0, now());

INSERT INTO queue_member (id, queue_id, username, role, active, position) VALUES
    ('a1111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111', 'xena', 'SDR', true, 1),
    ('a2222222-2222-4222-8222-222222222222', '22222222-2222-4222-8222-222222222222', 'xavier', 'BDR', true, 1);

INSERT INTO ownership_policy (id, version, active, description, created_at) VALUES
    ('d0000000-0000-4000-8000-000000000001', 'default-1', true,
     'Inbound leads go to the marketing-owned SDR queue, outbound leads to the sales-owned BDR queue. '
     || 'A lead without marketing consent always goes to the sales-owned BDR queue.', now());

INSERT INTO ownership_rule (id, policy_id, position, name, direction, consent_marketing, is_default, target_queue_id) VALUES
    ('e0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 1, 'no-marketing-consent',
     NULL, false, false, '22222222-2222-4222-8222-222222222222'),
    ('e0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', 2, 'inbound',
     'inbound', NULL, false, '11111111-1111-4111-8111-111111111111'),
    ('e0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', 3, 'outbound',
     'outbound', NULL, false, '22222222-2222-4222-8222-222222222222'),
    ('e0000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000001', 4, 'default',
     NULL, NULL, true, '11111111-1111-4111-8111-111111111111');
