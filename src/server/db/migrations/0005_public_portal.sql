-- Public portal (issue 5): complaints filed through the public form and followed by their holder.
-- The confirmation number is a random lookup key (not the log number); the passphrase is kept only
-- as an argon2id hash. Nothing here identifies the person: their contact details, if given, are
-- in `parties.identity_enc` like every other party's.

CREATE TABLE complaint_receipts (
  id                   uuid PRIMARY KEY,
  jurisdiction         text NOT NULL,
  case_id              uuid NOT NULL REFERENCES cases (id),
  confirmation_number  text NOT NULL,
  passphrase_hash      text NOT NULL,            -- argon2id, never the passphrase
  language             text NOT NULL,            -- of the acknowledgement and the follow-up page
  filed_by             text NOT NULL CHECK (filed_by IN ('self', 'intermediary')),
  created_at           timestamptz NOT NULL,
  UNIQUE (jurisdiction, confirmation_number)
);
CREATE INDEX complaint_receipts_case_idx ON complaint_receipts (case_id);

-- Information the holder of a confirmation number added later: append-only, for the case team.
CREATE TABLE complaint_additions (
  id            uuid PRIMARY KEY,
  jurisdiction  text NOT NULL,
  case_id       uuid NOT NULL REFERENCES cases (id),
  receipt_id    uuid NOT NULL REFERENCES complaint_receipts (id),
  text          text NOT NULL,
  received_at   timestamptz NOT NULL
);
CREATE INDEX complaint_additions_case_idx ON complaint_additions (case_id, received_at);

-- The portal lists and exports cases in log-number order by keyset; the staff index on
-- received_at serves the newest-first listing.
CREATE INDEX cases_public_order_idx ON cases (jurisdiction, received_at DESC, log_number DESC);
CREATE INDEX allegations_case_order_idx ON allegations (jurisdiction, case_id, id);
