-- A person approves what is published (issue 17 item 5). For a case the office takes in, the
-- portal publishes a narrative only from the text a public-information officer approved here,
-- never from a fresh machine pass (docs/public-portal.md "Narrative review"; ADR 0031).
--
-- One review per case and narrative version. The version is the SHA-256 of the narrative text:
-- any change to the narrative gives a new version, and an approval for another version no longer
-- applies (the case is back in the review queue). Never public: the portal reads only
-- `approved_text` / `approved_redactions` of the review whose version matches the narrative.
CREATE TABLE narrative_reviews (
  id                   uuid PRIMARY KEY,
  jurisdiction         text NOT NULL,
  case_id              uuid NOT NULL REFERENCES cases (id),
  narrative_version    text NOT NULL,
  -- the machine's proposal: [{start, end, kind, basis, basisEs, replacement}], offsets into the
  -- narrative of that version
  proposed             jsonb NOT NULL,
  proposed_at          timestamptz NOT NULL,
  -- the approved published text and its redactions (offsets into the published text)
  approved_text        text,
  approved_redactions  jsonb,
  approved_at          timestamptz,
  approved_by          uuid REFERENCES users (id),
  UNIQUE (case_id, narrative_version),
  CONSTRAINT narrative_reviews_approval
    CHECK ((approved_text IS NULL) = (approved_at IS NULL)
       AND (approved_text IS NULL) = (approved_by IS NULL)
       AND (approved_text IS NULL) = (approved_redactions IS NULL))
);
CREATE INDEX narrative_reviews_case_idx ON narrative_reviews (jurisdiction, case_id);

-- Every decision a reviewer takes on a span, append-only: the latest decision on a machine span
-- (by its position in `proposed`) or on an added span is the one that counts, in `seq` order.
CREATE TABLE narrative_span_decisions (
  id              uuid PRIMARY KEY,
  -- the order decisions were taken in (two can share a clock reading)
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  jurisdiction    text NOT NULL,
  review_id       uuid NOT NULL REFERENCES narrative_reviews (id),
  -- 'keep' / 'remove' a machine span (`proposal_index`), or 'add' a span (start, end, kind)
  decision        text NOT NULL CHECK (decision IN ('keep', 'remove', 'add', 'withdraw')),
  proposal_index  integer,
  start_offset    integer,
  end_offset      integer,
  kind            text,
  -- 'withdraw' names the added span it takes back
  withdraws       uuid REFERENCES narrative_span_decisions (id),
  decided_at      timestamptz NOT NULL,
  decided_by      uuid NOT NULL REFERENCES users (id),
  CONSTRAINT narrative_span_decisions_shape CHECK (
    (decision IN ('keep', 'remove') AND proposal_index IS NOT NULL AND start_offset IS NULL)
    OR (decision = 'add' AND proposal_index IS NULL AND start_offset IS NOT NULL
        AND end_offset > start_offset AND kind IS NOT NULL)
    OR (decision = 'withdraw' AND withdraws IS NOT NULL))
);
CREATE INDEX narrative_span_decisions_review_idx ON narrative_span_decisions (review_id, seq);
