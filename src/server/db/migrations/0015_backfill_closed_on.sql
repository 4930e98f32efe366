-- Issue 15 defect 4: before the closing transition set cases.closed_on, only the importer did, so
-- cases closed in the app had no closing date (the portal, the export and days to closure missed
-- them). Give each such case the local date it last entered its current closing stage, from the
-- append-only stage history. Imported cases keep what their release said (null when it said
-- nothing). The local date is the profile's: Chicago's is the only profile that has held cases.
UPDATE cases c
   SET closed_on = (h.at AT TIME ZONE 'America/Chicago')::date
  FROM (SELECT DISTINCT ON (case_id) case_id, to_status, at
          FROM case_status_history
         ORDER BY case_id, at DESC) h
 WHERE h.case_id = c.id
   AND h.to_status = c.status
   AND c.status IN ('final', 'closed_no_finding', 'closed_referred')
   AND c.closed_on IS NULL
   AND c.source_family IS NULL
   AND c.jurisdiction = 'chicago';
