-- The press-inquiry log across the office (issue 22 item 3, ADR 0047). An inquiry is a record of
-- its own: who asked (outlet, reporter), what, when, the deadline the office committed to, and
-- the cases it is about — none (a question about a policy or a news story), one or several.
-- It is answered either with a published statement or with a free-text answer that a second
-- person reviews before it counts (the four-eyes rule of domain/review.ts); `answered_at` is
-- set only when the answer counts, so an open inquiry is one whose `answered_at` is null.
ALTER TABLE press_inquiries
  ADD COLUMN reporter          text,
  -- the time the office told the reporter it would answer by; legacy rows committed to none
  ADD COLUMN respond_by        timestamptz,
  ADD COLUMN answer_text       text,
  ADD COLUMN answer_written_by uuid REFERENCES users (id),
  ADD COLUMN answer_written_at timestamptz,
  ADD COLUMN reviewed_by       uuid REFERENCES users (id),
  ADD COLUMN reviewed_at       timestamptz,
  ADD CONSTRAINT press_inquiries_one_answer CHECK (statement_id IS NULL OR answer_text IS NULL),
  ADD CONSTRAINT press_inquiries_reviewed_answer CHECK (reviewed_at IS NULL OR answer_text IS NOT NULL);

CREATE TABLE press_inquiry_cases (
  press_inquiry_id uuid NOT NULL REFERENCES press_inquiries (id),
  case_id          uuid NOT NULL REFERENCES cases (id),
  PRIMARY KEY (press_inquiry_id, case_id)
);
CREATE INDEX press_inquiry_cases_case_idx ON press_inquiry_cases (case_id);

INSERT INTO press_inquiry_cases (press_inquiry_id, case_id)
  SELECT id, case_id FROM press_inquiries WHERE case_id IS NOT NULL;
ALTER TABLE press_inquiries DROP COLUMN case_id;

-- the press page and the dashboard read the open inquiries, oldest first
CREATE INDEX press_inquiries_open_idx ON press_inquiries (jurisdiction, received_at)
  WHERE answered_at IS NULL;
