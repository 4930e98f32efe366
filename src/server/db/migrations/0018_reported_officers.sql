-- Officers a complainant names when the office receives the complaint (issue 23 item 1). Intake
-- records what it is told; an allegation (one member × one category) is the investigation's
-- finding of who is accused of what, made later by those who add allegations (docs/domain.md
-- "Reported officers"). So a reported officer is its own record on the case: a roster member when
-- intake identified one, or the name, star and description as given, for later identification.
-- It is resolved once: confirmed into an allegation, or dismissed with a reason; the row stays.
-- Never public: no presenter of the public door reads this table.
CREATE TABLE reported_officers (
  id               uuid PRIMARY KEY,
  jurisdiction     text NOT NULL,
  case_id          uuid NOT NULL REFERENCES cases (id),
  -- the order the complainant named them in
  position         integer NOT NULL,
  member_id        uuid REFERENCES members (id),
  name_as_given    text,
  star             text,
  description      text,
  source           text NOT NULL CHECK (source IN ('staff_intake', 'public_form')),
  status           text NOT NULL DEFAULT 'reported'
                   CHECK (status IN ('reported', 'confirmed', 'dismissed')),
  allegation_id    uuid REFERENCES allegations (id),
  resolution_note  text,
  resolved_at      timestamptz,
  resolved_by      uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  created_by       uuid REFERENCES users (id),
  CONSTRAINT reported_officers_something_given
    CHECK (member_id IS NOT NULL OR name_as_given IS NOT NULL OR star IS NOT NULL
           OR description IS NOT NULL),
  CONSTRAINT reported_officers_resolution
    CHECK ((status = 'reported') = (resolved_at IS NULL)
           AND (status = 'confirmed') = (allegation_id IS NOT NULL))
);
CREATE INDEX reported_officers_case_idx ON reported_officers (case_id);
