-- The queue of one stage as an agency's reader sees it (issue 24, ADR 0061).
--
-- The list filtered by stage (`status=final`, and `agency=COPA&status=final`) counted its first
-- 1,001 visible cases on `cases_agency_list_idx`, newest first, and passed every case of other
-- stages on the way: 8,315 index entries for the 1,001 final cases a COPA reader sees, 1.6 ms
-- (3.2 ms before autovacuum had marked the recent pages all-visible). This index holds each agency
-- set's cases by stage in list order, with the columns the list shows and filters, so the count
-- reads 1,001 entries (0.42 ms) and the page its 25 (0.54 ms against 0.9 ms), index-only.
CREATE INDEX cases_agency_status_idx ON cases (jurisdiction, agencies, status, received_at DESC, log_number DESC)
  INCLUDE (id, lead_agency, restricted, categories, case_type, facility_id);
