-- Personal data (issue 6, ADR 0017). Retention purges the identity fields of civilians on cases
-- closed longer than the configured period; the case, its allegations and the audit trail stay.
-- A legal hold (litigation, a records request in progress) keeps a closed case out of the purge.
ALTER TABLE cases ADD COLUMN legal_hold boolean NOT NULL DEFAULT false;
-- When the party's identity fields were purged (NULL: never); the row itself is kept.
ALTER TABLE parties ADD COLUMN identity_purged_at timestamptz;
