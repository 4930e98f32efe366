-- TOTP second factor (RFC 6238) and the pending sign-in step (issue 6, ADR 0015). The shared
-- secret is encrypted by the application with the field cipher (AES-256-GCM, bound to the user
-- row), so a copy of the table cannot mint codes. `totp_last_step` is the last accepted 30-second
-- time step: a code is accepted only for a later step, so an observed code cannot be replayed.
ALTER TABLE users
  ADD COLUMN totp_secret_enc  text,
  ADD COLUMN totp_enrolled_at timestamptz,
  ADD COLUMN totp_last_step   integer;

-- Between the password and the code: a one-time challenge (only its SHA-256 stored) that expires
-- within minutes. An enrolment challenge carries the new, not yet confirmed secret, encrypted.
CREATE TABLE sign_in_challenges (
  id                 uuid PRIMARY KEY,
  jurisdiction       text NOT NULL,
  user_id            uuid NOT NULL REFERENCES users (id),
  token_hash         text NOT NULL UNIQUE,
  purpose            text NOT NULL CHECK (purpose IN ('verify', 'enrol')),
  pending_secret_enc text,
  created_at         timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  used_at            timestamptz
);
CREATE INDEX sign_in_challenges_user_idx ON sign_in_challenges (user_id);
