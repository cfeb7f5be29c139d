-- Setup for RoutingReplicasIT (system-tests), on its own database routing_service_replicas, cleaned at each run.
-- A 3-member round-robin queue behind its own industry, under a policy that takes effect now.
DELETE FROM ownership_rule WHERE policy_id = 'bbbbbbbb-0000-4000-8000-000000000001';
DELETE FROM ownership_policy WHERE id = 'bbbbbbbb-0000-4000-8000-000000000001';
DELETE FROM assignment_ledger_entry WHERE assignment_id IN (SELECT id FROM assignment WHERE queue_id = 'bbbbbbbb-0000-4000-8000-00000000000a');
DELETE FROM assignment WHERE queue_id = 'bbbbbbbb-0000-4000-8000-00000000000a';
DELETE FROM queue_member WHERE queue_id = 'bbbbbbbb-0000-4000-8000-00000000000a';
DELETE FROM queue WHERE id = 'bbbbbbbb-0000-4000-8000-00000000000a';
INSERT INTO queue (id, name, owning_org, purpose, strategy, rr_cursor, created_at) VALUES
    ('bbbbbbbb-0000-4000-8000-00000000000a', 'bench-sdr', 'MARKETING', 'INBOUND_SDR', 'ROUND_ROBIN', 0, now());
INSERT INTO queue_member (id, queue_id, username, role, position) VALUES
    (gen_random_uuid(), 'bbbbbbbb-0000-4000-8000-00000000000a', 'bench-a', 'SDR', 1),
    (gen_random_uuid(), 'bbbbbbbb-0000-4000-8000-00000000000a', 'bench-b', 'SDR', 2),
    (gen_random_uuid(), 'bbbbbbbb-0000-4000-8000-00000000000a', 'bench-c', 'SDR', 3);
INSERT INTO ownership_policy (id, version, active, description, created_at, effective_from) VALUES
    ('bbbbbbbb-0000-4000-8000-000000000001', 'bench-1', true, 'bench', now(), now());
INSERT INTO ownership_rule (id, policy_id, position, name, industries, is_default, target_queue_id) VALUES
    (gen_random_uuid(), 'bbbbbbbb-0000-4000-8000-000000000001', 1, 'bench', 'bench', false, 'bbbbbbbb-0000-4000-8000-00000000000a'),
    (gen_random_uuid(), 'bbbbbbbb-0000-4000-8000-000000000001', 2, 'default', NULL, true, '11111111-1111-4111-8111-111111111111');
