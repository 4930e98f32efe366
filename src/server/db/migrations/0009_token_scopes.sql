-- API token scopes (issue 6, ADR 0016). A token carries the set of scopes it may use; a request
-- with it may do only what both the user's roles and the token's scopes allow. Tokens issued
-- before scopes existed keep the whole vocabulary of the time (their roles still limit them), so
-- no integration breaks on upgrade; new tokens name their scopes (or take the default set).
ALTER TABLE api_tokens
  ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY[
    'cases:read', 'cases:write', 'identities:read', 'statements:write', 'roster:read',
    'roster:write', 'access:manage', 'audit:read'
  ]::text[];

ALTER TABLE api_tokens ALTER COLUMN scopes DROP DEFAULT;

CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
