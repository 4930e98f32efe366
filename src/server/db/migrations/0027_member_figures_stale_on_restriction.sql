-- A case that becomes restricted after `oversight members network` ran is still inside the
-- stored member figures (member_service_rates, member_network_measures) until the next run: a
-- reader without need-to-know could difference it out by comparing a member's figures before and
-- after (ADR 0006, ADR 0035). Restriction only tightens (docs/domain.md "Restriction"), so the
-- moment a case naming a member turns restricted, every population's run of its jurisdiction is
-- forgotten: the member page shows no comparison until the figures are recomputed without it.
-- A trigger, not a call in each command, because a case turns restricted in several places
-- (a party added, facts corrected, an import) and none of them may forget it.
CREATE FUNCTION forget_member_figures_on_restriction() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM allegations WHERE case_id = NEW.id AND member_id IS NOT NULL)
     OR EXISTS (SELECT 1 FROM case_members WHERE case_id = NEW.id AND role = 'accused') THEN
    DELETE FROM member_network_runs WHERE jurisdiction = NEW.jurisdiction;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cases_restricted_forget_member_figures
  AFTER UPDATE OF restricted ON cases
  FOR EACH ROW
  WHEN (NEW.restricted AND NOT OLD.restricted)
  EXECUTE FUNCTION forget_member_figures_on_restriction();
