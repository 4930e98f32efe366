-- Issue 15 defect 5: adding an allegation re-evaluates routing with the rule intake uses
-- (MCC §2-78-120). Two of intake's facts were used once and dropped: whether a person died or was
-- seriously injured, and whether they were in custody ((c)(ii), (d)). Without them a case that
-- COPA holds under (d) looks like a BIA case to the second evaluation, and a joint determination
-- (b-5) could move it to BIA although (d) cases never move. NULL means not recorded: imported
-- history, and cases filed before this migration that the backfill below cannot decide.
ALTER TABLE cases ADD COLUMN serious_injury_or_death boolean;
ALTER TABLE cases ADD COLUMN in_custody boolean;

-- Backfill what the intake routing decision proves. A BIA decision proves no death or serious
-- injury (either would have been COPA's under (c)(ii) or (d)); these two COPA rules fire only
-- when intake recorded one. Nothing proves custody on its own: it stays unknown.
UPDATE cases c SET serious_injury_or_death = CASE
         WHEN first.agency = 'BIA' THEN false
         WHEN first.rule IN ('copa_serious_injury_police_action', 'copa_taser_serious_injury') THEN true
       END
  FROM (SELECT DISTINCT ON (case_id) case_id, agency, rule
          FROM routing_decisions ORDER BY case_id, decided_at, id) first
 WHERE first.case_id = c.id AND c.source_family IS NULL;
