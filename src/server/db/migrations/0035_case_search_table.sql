-- The staff list's full-text search reads a narrow copy of each case (issue 24, ADR 0060).
--
-- A search ranks every match it finds, so it visits the row of each. In `cases` a row is about
-- 1.25 kB (the imported source row alone is 0.7 kB), six to a page: on the full history a one-word
-- search (`arrest`, 5,122 matches) visited 3,882 of the table's 15,000 pages, and read the
-- vectors its ranking needed out of line. This table holds only what a search filters on, sorts
-- by, ranks and shows, about 260 bytes a case: the same search visits 2,130 pages and ranks from
-- the row itself.
--
-- The copy is written by triggers on `cases`, whatever writes the case (intake, transitions,
-- imports, the agencies cache), and removed with it. The search vector is computed here from the
-- narrative, only when the narrative is written or changed: `cases.search` is dropped, so a case
-- is not indexed twice.
CREATE TABLE case_search (
  id           uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  jurisdiction text NOT NULL,
  log_number   text NOT NULL,
  case_type    text NOT NULL,
  received_at  timestamptz NOT NULL,
  status       text NOT NULL,
  categories   text[] NOT NULL,
  lead_agency  text NOT NULL,
  agencies     text[] NOT NULL,
  restricted   boolean NOT NULL,
  facility_id  uuid,
  search       tsvector NOT NULL
);
-- a vector is compressed in the row, and moved out of it only when nothing else would fit
ALTER TABLE case_search ALTER COLUMN search SET STORAGE MAIN;

CREATE FUNCTION case_search_vector(narrative text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsvector('english'::regconfig, narrative) || to_tsvector('spanish'::regconfig, narrative)
$$;

CREATE FUNCTION case_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.narrative = NEW.narrative THEN
    UPDATE case_search s
       SET jurisdiction = NEW.jurisdiction, log_number = NEW.log_number, case_type = NEW.case_type,
           received_at = NEW.received_at, status = NEW.status, categories = NEW.categories,
           lead_agency = NEW.lead_agency, agencies = NEW.agencies, restricted = NEW.restricted,
           facility_id = NEW.facility_id
     WHERE s.id = NEW.id;
    IF FOUND THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO case_search (id, jurisdiction, log_number, case_type, received_at, status, categories,
                           lead_agency, agencies, restricted, facility_id, search)
  VALUES (NEW.id, NEW.jurisdiction, NEW.log_number, NEW.case_type, NEW.received_at, NEW.status,
          NEW.categories, NEW.lead_agency, NEW.agencies, NEW.restricted, NEW.facility_id,
          case_search_vector(NEW.narrative))
  ON CONFLICT (id) DO UPDATE
    SET jurisdiction = EXCLUDED.jurisdiction, log_number = EXCLUDED.log_number,
        case_type = EXCLUDED.case_type, received_at = EXCLUDED.received_at,
        status = EXCLUDED.status, categories = EXCLUDED.categories,
        lead_agency = EXCLUDED.lead_agency, agencies = EXCLUDED.agencies,
        restricted = EXCLUDED.restricted, facility_id = EXCLUDED.facility_id,
        search = EXCLUDED.search;
  RETURN NULL;
END $$;

CREATE TRIGGER case_search_insert AFTER INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION case_search_write();
-- only an update that changes a copied column (an import's unchanged rewrite, or a status
-- written again, writes nothing here)
CREATE TRIGGER case_search_update AFTER UPDATE ON cases
  FOR EACH ROW
  WHEN ((OLD.jurisdiction, OLD.log_number, OLD.case_type, OLD.received_at, OLD.status,
         OLD.categories, OLD.lead_agency, OLD.agencies, OLD.restricted, OLD.facility_id,
         OLD.narrative)
        IS DISTINCT FROM
        (NEW.jurisdiction, NEW.log_number, NEW.case_type, NEW.received_at, NEW.status,
         NEW.categories, NEW.lead_agency, NEW.agencies, NEW.restricted, NEW.facility_id,
         NEW.narrative))
  EXECUTE FUNCTION case_search_write();

INSERT INTO case_search (id, jurisdiction, log_number, case_type, received_at, status, categories,
                         lead_agency, agencies, restricted, facility_id, search)
SELECT id, jurisdiction, log_number, case_type, received_at, status, categories, lead_agency,
       agencies, restricted, facility_id, case_search_vector(narrative)
  FROM cases;

ALTER TABLE cases DROP COLUMN search;

-- the bound of migration 0033 (every search reads the pending list)
CREATE INDEX case_search_idx ON case_search USING gin (search) WITH (gin_pending_list_limit = 64);

-- A search with more matches than the list counts (1,000) is listed newest (or oldest) first, by a
-- walk of this index that stops at the page, instead of ranked (ADR 0060).
CREATE INDEX case_search_order_idx ON case_search (jurisdiction, received_at DESC, log_number DESC);

-- statistics for the copy at once: the embedded engine has no autovacuum, and without them the
-- planner takes every table for one row
ANALYZE case_search;
