-- Every app server keeps the public door's answers in memory (ADR 0037) and must forget them the
-- moment what is public changes: a case restricted, a narrative approved or withdrawn, a status,
-- an allegation, a statement, a roster name the redaction uses. A statement-level trigger on every
-- table the public reads (repositories/public.repository.ts, narrative-review.repository.ts)
-- notifies channel `oversight_public` in the writing transaction; PostgreSQL delivers it only on
-- commit, to every listening session of every process (PGlite to its own), and folds repeats in
-- one transaction into one. A trigger, not a call in each command, because imports, corrections
-- and retention write these tables in many places and none of them may forget it.
CREATE FUNCTION notify_publication_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('oversight_public', '');
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'cases', 'case_agencies', 'case_status_history', 'case_members', 'case_investigators',
    'parties', 'allegations', 'allegation_findings', 'duty_status_actions', 'statements',
    'deadlines', 'members', 'facilities', 'facility_shelter_periods', 'narrative_reviews',
    'narrative_span_decisions'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_publication_change()',
      t || '_publication_change', t);
  END LOOP;
END;
$$;
