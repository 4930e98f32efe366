-- Statements beyond one case (issue 22 item 2, ADR 0046).
--
-- 1. A statement is about zero, one or several cases: a link table replaces `statements.case_id`
--    (no link = an office-wide statement: a policy announcement, an answer to a story that names
--    no case). Existing statements keep the one case they had.
-- 2. A real review step replaces the `human_reviewed` flag, which defaulted to true, was set by
--    the author and was shown nowhere: a statement is `draft` → `reviewed` (by a person other than
--    its author, domain/review.ts) → `published`. Existing data keeps its meaning: a published
--    statement was approved by the person who published it (PRODUCT.md §3, "publishing is the
--    approval"), so that person and time are its review record; a draft's flag was only its
--    author's word, so drafts stay unreviewed.
CREATE TABLE statement_cases (
  statement_id uuid NOT NULL REFERENCES statements (id),
  case_id      uuid NOT NULL REFERENCES cases (id),
  PRIMARY KEY (statement_id, case_id)
);
CREATE INDEX statement_cases_case_idx ON statement_cases (case_id);
INSERT INTO statement_cases (statement_id, case_id)
  SELECT id, case_id FROM statements WHERE case_id IS NOT NULL;
ALTER TABLE statements DROP COLUMN case_id;

ALTER TABLE statements
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN reviewed_by uuid REFERENCES users (id);
UPDATE statements SET reviewed_at = published_at, reviewed_by = published_by
 WHERE status = 'published';
ALTER TABLE statements DROP COLUMN human_reviewed;
ALTER TABLE statements DROP CONSTRAINT statements_status_check;
ALTER TABLE statements
  ADD CONSTRAINT statements_status_check CHECK (status IN ('draft', 'reviewed', 'published')),
  ADD CONSTRAINT statements_review_recorded CHECK ((status = 'draft') = (reviewed_at IS NULL)),
  ADD CONSTRAINT statements_publication_recorded
    CHECK ((status = 'published') = (published_at IS NOT NULL));
CREATE INDEX statements_translation_idx ON statements (translation_of);

-- the public door reads the links (a statement about a case shows on its page): forget its
-- cached answers when they change, as for every table it reads (migration 0028)
CREATE TRIGGER statement_cases_publication_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statement_cases
  FOR EACH STATEMENT EXECUTE FUNCTION notify_publication_change();
