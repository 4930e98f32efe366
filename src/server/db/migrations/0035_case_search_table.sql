-- The staff list's full-text search reads a narrow copy of each case (issue 24, ADR 0060).
--
-- A search ranks every match it finds, so it visits the row of each. In `cases` a row is about
-- 1.25 kB (the imported source row alone is 0.7 kB), six to a page: on the full history a one-word
-- search (`arrest`, 5,122 matches) visited 3,882 of the table's 15,000 pages, and read the
-- vectors its ranking needed out of line. This table holds only what a search filters on, sorts
-- by, ranks and shows, about 340 bytes a case (33 MB against 119 MB): the same search visits 2,613
-- of its 4,184 pages.
--
-- The copy is written by triggers on `cases`, whatever writes the case (intake, transitions,
-- imports, the agencies cache), and removed with it. The search vector is computed here from the
-- narrative, only when the narrative is written or changed: `cases.search` is dropped, so a case
-- is not indexed twice.
CREATE TABLE case_search (
  id           uuid PRIMARY KEY,
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

-- Statement-level triggers with transition tables: a bulk write (an import's merge, a test's
-- 40,000-row insert) copies its rows in one statement. No foreign key: its check is a query per
-- copied row, and only these triggers write the copy (a row-level version with a foreign key
-- took over 60 s for 40,000 rows on the embedded engine).
CREATE FUNCTION case_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_search (id, jurisdiction, log_number, case_type, received_at, status, categories,
                           lead_agency, agencies, restricted, facility_id, search)
  SELECT n.id, n.jurisdiction, n.log_number, n.case_type, n.received_at, n.status, n.categories,
         n.lead_agency, n.agencies, n.restricted, n.facility_id, case_search_vector(n.narrative)
    FROM inserted n;
  RETURN NULL;
END $$;

-- only the rows whose copied columns or narrative changed (an import's unchanged rewrite, or a
-- status written again, writes nothing here); the vector only when the narrative changed
CREATE FUNCTION case_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_search s
     SET jurisdiction = n.jurisdiction, log_number = n.log_number, case_type = n.case_type,
         received_at = n.received_at, status = n.status, categories = n.categories,
         lead_agency = n.lead_agency, agencies = n.agencies, restricted = n.restricted,
         facility_id = n.facility_id,
         search = CASE WHEN o.narrative = n.narrative THEN s.search
                       ELSE case_search_vector(n.narrative) END
    FROM updated n JOIN previous o ON o.id = n.id
   WHERE s.id = n.id
     AND (o.jurisdiction, o.log_number, o.case_type, o.received_at, o.status, o.categories,
          o.lead_agency, o.agencies, o.restricted, o.facility_id, o.narrative)
         IS DISTINCT FROM
         (n.jurisdiction, n.log_number, n.case_type, n.received_at, n.status, n.categories,
          n.lead_agency, n.agencies, n.restricted, n.facility_id, n.narrative);
  RETURN NULL;
END $$;

CREATE FUNCTION case_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_search s USING deleted d WHERE s.id = d.id;
  RETURN NULL;
END $$;

CREATE TRIGGER case_search_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_insert();
CREATE TRIGGER case_search_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_update();
CREATE TRIGGER case_search_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_delete();

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
