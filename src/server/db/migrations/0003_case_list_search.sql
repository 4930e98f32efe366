-- Case list and search over the full imported history (ADR 0009).
--
-- 1. `cases.agencies`: the agencies on the case (lead, parallel, referred), a cache of
--    `case_agencies` kept by the statement triggers below. The list filter of caseScope() (ADR 0006)
--    then reads only the case row: a correlated EXISTS on case_agencies for every candidate row
--    was the main cost of listing (measured: 1.7 s to count one agency's cases on PGlite).
ALTER TABLE cases ADD COLUMN agencies text[] NOT NULL DEFAULT '{}';
UPDATE cases c SET agencies = s.agencies
  FROM (SELECT case_id, array_agg(DISTINCT agency ORDER BY agency) AS agencies
          FROM case_agencies GROUP BY case_id) s
 WHERE s.case_id = c.id;

-- Recomputes the cache for the cases whose case_agencies rows a statement changed. Rows already
-- right are not written (the importer and intake insert the lead agency with the case).
CREATE FUNCTION cases_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases c SET agencies = COALESCE(n.agencies, '{}')
    FROM (SELECT ch.case_id,
                 (SELECT array_agg(DISTINCT ca.agency ORDER BY ca.agency)
                    FROM case_agencies ca WHERE ca.case_id = ch.case_id) AS agencies
            FROM (SELECT DISTINCT case_id FROM changed_case_agencies) ch) n
   WHERE c.id = n.case_id AND c.agencies IS DISTINCT FROM COALESCE(n.agencies, '{}');
  RETURN NULL;
END;
$$;
CREATE TRIGGER case_agencies_cache_insert AFTER INSERT ON case_agencies
  REFERENCING NEW TABLE AS changed_case_agencies
  FOR EACH STATEMENT EXECUTE FUNCTION cases_refresh_agencies();
CREATE TRIGGER case_agencies_cache_delete AFTER DELETE ON case_agencies
  REFERENCING OLD TABLE AS changed_case_agencies
  FOR EACH STATEMENT EXECUTE FUNCTION cases_refresh_agencies();
-- case_agencies rows are added and removed, never changed in place; an UPDATE that moved one to
-- another case or agency would leave the cache wrong, so it is refused.
CREATE FUNCTION case_agencies_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_agencies rows are inserted and deleted, not updated';
END;
$$;
CREATE TRIGGER case_agencies_no_update BEFORE UPDATE ON case_agencies
  FOR EACH ROW EXECUTE FUNCTION case_agencies_no_update();

-- 2. One covering index serves every unfiltered or filtered page and count without `q`: the
--    newest-first order of the list, and every column its filters and its visibility rule read,
--    so pages and exact totals are index-only scans. It replaces cases_received_idx.
DROP INDEX cases_received_idx;
CREATE INDEX cases_list_idx ON cases (jurisdiction, received_at DESC, log_number DESC)
  INCLUDE (id, status, lead_agency, agencies, restricted, categories, case_type, facility_id);
-- By stage: the same, entered by status (stage filters and their exact totals).
DROP INDEX cases_status_idx;
CREATE INDEX cases_status_idx ON cases (jurisdiction, status, received_at DESC, log_number DESC)
  INCLUDE (id, lead_agency, agencies, restricted, categories, case_type, facility_id);

-- 3. A short pending list for the GIN indexes: new entries wait in an unsorted list that every
--    search scans until it is merged, by the insert that fills it or by VACUUM, and the embedded
--    database has no autovacuum. 256 kB bounds that scan for searches while keeping the batched
--    merge that makes bulk loads fast (without a pending list the import ran ten times slower);
--    the importer's VACUUM merges what is left.
ALTER INDEX cases_search_idx SET (gin_pending_list_limit = 256);
ALTER INDEX cases_categories_idx SET (gin_pending_list_limit = 256);
