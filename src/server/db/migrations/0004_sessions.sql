-- Browser sessions for the staff web app (issue 4). The cookie carries a random 256-bit session
-- id; only its SHA-256 is stored, so a copy of this table cannot be replayed as a cookie. The
-- CSRF secret is returned to the signed-in page (never readable by another origin) and must come
-- back in `x-csrf-token` on every unsafe request authenticated by the cookie.
CREATE TABLE sessions (
  id            uuid PRIMARY KEY,
  jurisdiction  text NOT NULL,
  user_id       uuid NOT NULL REFERENCES users (id),
  token_hash    text NOT NULL UNIQUE,
  csrf_secret   text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  -- absolute expiry; the idle expiry is last_seen_at + the configured idle timeout
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  revoked_reason text,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (jurisdiction, user_id);
