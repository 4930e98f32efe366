-- Issue 15 defect 1. Every finding row carries the day the finding or penalty was decided: the
-- Personnel Record Review Act (820 ILCS 40/8) withholds discipline more than 4 years old, counted
-- from the disciplinary action, not from when a row reached this database. Until now imported
-- rows had only their import time (recorded_at), so old discipline looked new.
ALTER TABLE allegation_findings ADD COLUMN decided_on date;

-- Imported rows (source_value is set): the release's closed date of the case; the accused files
-- hold no finding date of their own. Where the release left the closed date blank, the case's
-- receipt date, the earliest the decision can have been, so the 4-year rule errs on withholding
-- (docs/import.md). Dates are Chicago-local: the Chicago profile is the only one when this
-- migration was written, and importers store receipt as local midnight.
UPDATE allegation_findings f
   SET decided_on = COALESCE(c.closed_on, (c.received_at AT TIME ZONE 'America/Chicago')::date)
  FROM allegations a JOIN cases c ON c.id = a.case_id
 WHERE f.allegation_id = a.id AND f.source_value IS NOT NULL;

-- Recorded in the app: the recording day, in the profile's time zone.
UPDATE allegation_findings
   SET decided_on = (recorded_at AT TIME ZONE 'America/Chicago')::date
 WHERE decided_on IS NULL;

ALTER TABLE allegation_findings ALTER COLUMN decided_on SET NOT NULL;
