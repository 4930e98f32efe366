-- The import's lead-agency rows without the per-statement cache upkeep (issue 16 item 6, ADR 0032).
--
-- `cases.agencies` caches case_agencies (migration 0003), kept by statement triggers that
-- recompute the cache of every case a statement touched. The importer inserts one lead-agency row
-- per imported case whose cache it already wrote with the case row, so for a first import the
-- triggers read back 98,000 cases only to write none of them (measured: most of the 2.6–4.0 s
-- the lead-agency rows took). The recompute becomes one function; the triggers call it unless
-- the transaction deferred the upkeep (`oversight.defer_agencies_cache` set locally to 'on'),
-- and a transaction that defers it must call the function for every case whose case_agencies it
-- changed before it commits. The setting is transaction-local: every other session, and the
-- importer's own statements outside the deferred span, keep the triggers.
CREATE FUNCTION refresh_case_agencies(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET agencies = COALESCE(n.agencies, '{}')
    FROM (SELECT ch.case_id,
                 (SELECT array_agg(DISTINCT ca.agency ORDER BY ca.agency)
                    FROM case_agencies ca WHERE ca.case_id = ch.case_id) AS agencies
            FROM (SELECT DISTINCT u.case_id FROM unnest(case_ids) AS u(case_id)) ch) n
   WHERE c.id = n.case_id AND c.agencies IS DISTINCT FROM COALESCE(n.agencies, '{}');
$$;

CREATE OR REPLACE FUNCTION cases_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('oversight.defer_agencies_cache', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM refresh_case_agencies(ARRAY(SELECT DISTINCT case_id FROM changed_case_agencies));
  RETURN NULL;
END;
$$;
