-- Access control beyond roles (ADR 0013) and signed audit checkpoints (ADR 0014).

-- Conflict of interest: a staff member recorded as related to a department member (family,
-- partner, former squad) may not open any case on which that member is accused. Ending a
-- relation keeps the row (history is data).
CREATE TABLE staff_conflicts (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  user_id      uuid NOT NULL REFERENCES users (id),
  member_id    uuid NOT NULL REFERENCES members (id),
  relation     text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  recorded_by  uuid REFERENCES users (id),
  ended_at     timestamptz
);
CREATE INDEX staff_conflicts_user_idx ON staff_conflicts (user_id) WHERE ended_at IS NULL;
CREATE INDEX staff_conflicts_member_idx ON staff_conflicts (member_id) WHERE ended_at IS NULL;

-- Break-the-glass: time-limited read access to a restricted case outside the need-to-know team,
-- with a typed reason; every grant is audited and listed for supervisors until reviewed.
-- expires_at is set from the database clock so the check (expires_at > now()) uses one clock.
CREATE TABLE break_glass_grants (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  case_id      uuid NOT NULL REFERENCES cases (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  agency       text NOT NULL,
  reason       text NOT NULL CHECK (length(reason) >= 20),
  granted_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  reviewed_at  timestamptz,
  reviewed_by  uuid REFERENCES users (id),
  review_note  text
);
CREATE INDEX break_glass_case_idx ON break_glass_grants (case_id, user_id);
CREATE INDEX break_glass_open_idx ON break_glass_grants (jurisdiction) WHERE reviewed_at IS NULL;

-- Signed checkpoints of the audit chain: an Ed25519 signature, by a key kept outside the
-- database, over (jurisdiction, seq, hash). Someone who can rewrite audit_events and re-hash the
-- whole chain still cannot produce a checkpoint signature for the rewritten tip.
CREATE TABLE audit_checkpoints (
  jurisdiction text NOT NULL,
  seq          bigint NOT NULL,
  hash         text NOT NULL,
  signed_at    timestamptz NOT NULL,
  key_id       text NOT NULL,
  signature    text NOT NULL,
  PRIMARY KEY (jurisdiction, seq)
);
