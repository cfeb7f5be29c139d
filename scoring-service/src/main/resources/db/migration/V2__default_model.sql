-- The built-in model the service scores with until model activation arrives (see README).
INSERT INTO scoring_model (id, name, version, status, description, definition, created_by, created_at, activated_at)
VALUES ('00000000-0000-4000-8000-000000000001', 'Default model', 'default-1', 'ACTIVE',
        'Built-in fit and engagement rules; see scoring-service/README.md',
        '{"builtIn": true}', 'system', now(), now());
