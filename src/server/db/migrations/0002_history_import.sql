-- Import of historic releases (CPD CLEAR and COPA CMS). Every imported row keeps its source
-- values verbatim in `source` beside the mapped ones, and an `import_key` (stable across
-- re-imports of the same release family) plus `import_hash` (the mapped content), so a second
-- run of the same files changes nothing and a newer release updates what it covers.

ALTER TABLE cases ALTER COLUMN channel DROP NOT NULL;  -- historic releases do not say how a complaint arrived
ALTER TABLE cases
  ADD COLUMN source_family     text,          -- 'cms' | 'clear'; null for cases filed in Oversight
  ADD COLUMN source_status     text,          -- status as the release wrote it ('CLOSED/FINAL')
  ADD COLUMN historical_agency text,          -- investigating agency as released (OPS, IPRA, COPA, BIA)
  ADD COLUMN closed_on         date,
  ADD COLUMN source            jsonb,
  ADD COLUMN import_hash       text,
  ADD COLUMN imported_at       timestamptz;
CREATE INDEX cases_closed_idx ON cases (jurisdiction, closed_on);

ALTER TABLE members
  ADD COLUMN identity_key     text,           -- 'emp:46608', or a release-scoped key; see importer
  ADD COLUMN employee_number  text,
  ADD COLUMN middle_initial   text,
  ADD COLUMN suffix           text,
  ADD COLUMN source           jsonb,
  ADD COLUMN import_hash      text;
CREATE UNIQUE INDEX members_identity_key_idx ON members (jurisdiction, identity_key);
CREATE INDEX members_employee_idx ON members (jurisdiction, employee_number);

-- Department members named on a case without an allegation of their own: accused officers of the
-- CLEAR profiles release (officer per case, no findings) and CPD witness officers.
CREATE TABLE case_members (
  id                uuid PRIMARY KEY,
  jurisdiction      text NOT NULL,
  case_id           uuid NOT NULL REFERENCES cases (id),
  member_id         uuid REFERENCES members (id),
  role              text NOT NULL CHECK (role IN ('accused', 'witness')),
  rank_at_incident  text,
  unit_at_incident  text,
  star_at_incident  text,
  source            jsonb NOT NULL,
  import_key        text NOT NULL,
  import_hash       text NOT NULL,
  UNIQUE (jurisdiction, import_key)
);
CREATE INDEX case_members_case_idx ON case_members (case_id);
CREATE INDEX case_members_member_idx ON case_members (member_id);

ALTER TABLE allegations
  ADD COLUMN source_category_code text,
  ADD COLUMN source_category      text,
  ADD COLUMN source               jsonb,
  ADD COLUMN import_key           text,
  ADD COLUMN import_hash          text;
CREATE UNIQUE INDEX allegations_import_key_idx ON allegations (jurisdiction, import_key);
CREATE INDEX allegations_final_finding_idx ON allegations (jurisdiction, final_finding);

ALTER TABLE allegation_findings ADD COLUMN source_value text;

ALTER TABLE parties
  ADD COLUMN birth_year   integer,
  ADD COLUMN age          integer,
  ADD COLUMN injury       text,
  ADD COLUMN source       jsonb,
  ADD COLUMN import_key   text,
  ADD COLUMN import_hash  text;
CREATE UNIQUE INDEX parties_import_key_idx ON parties (jurisdiction, import_key);

-- Investigators named in the releases: staff-side records of history, not user accounts.
CREATE TABLE case_investigators (
  id               uuid PRIMARY KEY,
  jurisdiction     text NOT NULL,
  case_id          uuid NOT NULL REFERENCES cases (id),
  first_name       text,
  last_name        text,
  agency           text,
  investigator_type text,
  rank             text,
  star             text,
  unit             text,
  assigned_on      date,
  source           jsonb NOT NULL,
  import_key       text NOT NULL,
  import_hash      text NOT NULL,
  UNIQUE (jurisdiction, import_key)
);
CREATE INDEX case_investigators_case_idx ON case_investigators (case_id);

-- One row per imported file run: what was read and what became of it.
CREATE TABLE import_runs (
  id            uuid PRIMARY KEY,
  jurisdiction  text NOT NULL,
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  kind          text NOT NULL,
  read          integer NOT NULL,
  inserted      integer NOT NULL,
  updated       integer NOT NULL,
  unchanged     integer NOT NULL,
  rejected      integer NOT NULL,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz NOT NULL
);

-- the releases name some members by star and rank only (2018 CLEAR accused)
ALTER TABLE members ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE members ALTER COLUMN last_name DROP NOT NULL;

-- The audit log is append-only: the row trigger of 0001 refuses UPDATE and DELETE, but TRUNCATE
-- fires no row trigger and would wipe the log in one statement.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
