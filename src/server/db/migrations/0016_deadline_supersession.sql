-- A clock recomputed after an intake fact is corrected (issue 15: the video-release clock runs
-- from the incident date, so correcting that date moves it) replaces the row it was computed from.
-- The old row stays as history, never edited or deleted: superseded_at says when it stopped
-- running, superseded_by which row took over. A superseded row is neither open nor met.
ALTER TABLE deadlines ADD COLUMN superseded_at timestamptz;
ALTER TABLE deadlines ADD COLUMN superseded_by uuid REFERENCES deadlines (id);
ALTER TABLE deadlines ADD CONSTRAINT deadlines_superseded_not_met
  CHECK (superseded_at IS NULL OR met_at IS NULL);

-- the dashboard's due-deadline scan reads running clocks only
DROP INDEX deadlines_due_idx;
CREATE INDEX deadlines_due_idx ON deadlines (jurisdiction, due_at)
  WHERE met_at IS NULL AND superseded_at IS NULL;
