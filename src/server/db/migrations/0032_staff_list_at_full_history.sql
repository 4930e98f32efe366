-- Staff pages at full-history speed (issue 24, ADR 0058).
--
-- 1. `cases.agencies` always holds the lead agency too. The staff list's visibility rule was
--    `lead_agency = A OR agencies @> {A}`; with the lead in the array it is one condition on one
--    column, `agencies = ANY(the agency sets that contain A)`, whose selectivity the planner reads
--    exactly from the column's most-common-values list. (It cannot estimate `@>` of two agencies:
--    it multiplies their frequencies as if independent, and picked a walk of the whole history for
--    a combination no case has.) Every case already had its lead in case_agencies; the trigger
--    keeps it so whatever writes the row.
CREATE FUNCTION cases_agencies_include_lead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (NEW.agencies @> ARRAY[NEW.lead_agency]) THEN
    NEW.agencies := ARRAY(SELECT DISTINCT a FROM unnest(NEW.agencies || NEW.lead_agency) AS a ORDER BY a);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_agencies_include_lead BEFORE INSERT OR UPDATE OF agencies, lead_agency ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_agencies_include_lead();
UPDATE cases SET agencies = agencies WHERE NOT (agencies @> ARRAY[lead_agency]);

-- 2. The list in list order per agency set: the cases one agency may see are a few ranges of this
--    index (index-only, newest first), and the distinct agency sets are read from it by a skip
--    scan of a handful of probes.
CREATE INDEX cases_agency_list_idx ON cases (jurisdiction, agencies, received_at DESC, log_number DESC)
  INCLUDE (id, status, lead_agency, restricted, categories, case_type, facility_id);

-- 3. The queue filtered by facility, and the facilities page's case count per facility, read every
--    case to find the few at one facility. This index holds only the cases at a facility, in list
--    order, with every column the list filters and the visibility rule read.
CREATE INDEX cases_facility_list_idx ON cases (facility_id, received_at DESC, log_number DESC)
  INCLUDE (jurisdiction, id, status, lead_agency, agencies, restricted, categories, case_type)
  WHERE facility_id IS NOT NULL;
