-- Which release last changed which fields of an imported case (issue 16, releases layer): one row
-- per case and imported file that added or changed it, append-only. The file itself (name,
-- sha256, kind, counts) is its import_runs row, written at the end of the same transaction.
CREATE TABLE case_source_changes (
  id             uuid PRIMARY KEY,
  jurisdiction   text NOT NULL,
  case_id        uuid NOT NULL REFERENCES cases (id),
  import_run_id  uuid NOT NULL REFERENCES import_runs (id) DEFERRABLE INITIALLY DEFERRED,
  change         text NOT NULL CHECK (change IN ('added', 'updated')),
  fields         text[] NOT NULL,
  changed_at     timestamptz NOT NULL
);
CREATE INDEX case_source_changes_case_idx ON case_source_changes (case_id, changed_at);

-- A second import of an unchanged file is recognised and skipped (issue 16): a run records the
-- release family its rows belonged to and a digest of how its columns were mapped; `seq` orders
-- runs even when two share a timestamp.
ALTER TABLE import_runs
  ADD COLUMN release text,
  ADD COLUMN mapping text,
  ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX import_runs_sha_idx ON import_runs (jurisdiction, file_sha256);
