-- The outbox: every letter and notice the office sends (issue 18 items 1–5; docs/domain.md
-- "Letters"; ADR 0033). One row per letter to one recipient, with the text as rendered (what was
-- approved is what is sent), its language, kind and channel. The recipient's name and address
-- are one AES-256-GCM envelope bound to the row (`recipient_enc`, like a party's identity;
-- security/encrypted-fields.ts); the rendered text carries no name or address, so it can be
-- read by the staff who see the case without decrypting anything.
--
-- Status: queued → sent (with the mail server's message id for email) or failed (with the
-- server's answer, or why there is no way to reach the person) → retried (queued again,
-- `attempts` + 1). A letter is never recorded sent without the send having succeeded, and a
-- deadline a letter answers (`deadline_id`) is met only by sent letters (docs/domain.md).
CREATE TABLE letters (
  id              uuid PRIMARY KEY,
  -- the order letters were written in (the letters of one notice share a clock reading)
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  jurisdiction    text NOT NULL,
  case_id         uuid NOT NULL REFERENCES cases (id),
  kind            text NOT NULL CHECK (kind IN ('acknowledgement', 'six_month_notice', 'referral',
                    'closure_no_finding', 'outcome', 'information_request')),
  language        text NOT NULL,
  -- email | print | portal; null when there is no way to reach the person (failure says why)
  channel         text CHECK (channel IN ('email', 'print', 'portal')),
  recipient_kind  text NOT NULL CHECK (recipient_kind IN ('complainant', 'intermediary',
                    'accused', 'official')),
  -- who the letter is for: a party of the case, an accused member, or an official by code
  party_id        uuid REFERENCES parties (id),
  member_id       uuid REFERENCES members (id),
  official_code   text,
  -- {name, email?, address?} encrypted; null for the portal (the page is the address)
  recipient_enc   text,
  subject         text NOT NULL,
  body            text NOT NULL,
  -- the deadline this letter answers (the acknowledgement, a six-month notice)
  deadline_id     uuid REFERENCES deadlines (id),
  status          text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  failure_code    text,
  -- the mail server's answer, as given (no personal data: the server answers about the message)
  failure_detail  text,
  failed_at       timestamptz,
  message_id      text,
  -- a send to the mail server in flight since then (claimed in one transaction, settled in the
  -- next: the database is never held while a mail server is asked; ADR 0033)
  sending_since   timestamptz,
  sent_at         timestamptz,
  sent_by         uuid REFERENCES users (id),
  approved_at     timestamptz,
  approved_by     uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  created_by      uuid REFERENCES users (id),
  CONSTRAINT letters_sent_shape CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CONSTRAINT letters_sent_approved CHECK (status <> 'sent' OR approved_at IS NOT NULL),
  CONSTRAINT letters_email_id CHECK (status <> 'sent' OR channel <> 'email' OR message_id IS NOT NULL),
  CONSTRAINT letters_failed_shape CHECK ((status = 'failed') = (failure_code IS NOT NULL)),
  CONSTRAINT letters_approval CHECK ((approved_at IS NULL) = (approved_by IS NULL))
);
CREATE INDEX letters_case_idx ON letters (case_id, created_at);
CREATE INDEX letters_deadline_idx ON letters (deadline_id) WHERE deadline_id IS NOT NULL;
CREATE INDEX letters_outbox_idx ON letters (jurisdiction, status, created_at);
