-- Files attached to a public complaint (issue 5; ADR 0018). The content and the file name can
-- identify the person who came forward (a photo, "maria-id.jpg"), so both are encrypted with the
-- field cipher (AES-256-GCM, bound to the row by its AAD) and read only by staff who may read
-- civilian identities on the case, each read audited. The type is the one the bytes proved
-- (domain/attachments.ts), never the one the browser declared.
CREATE TABLE attachments (
  id             uuid PRIMARY KEY,
  jurisdiction   text NOT NULL,
  case_id        uuid NOT NULL REFERENCES cases (id),
  receipt_id     uuid REFERENCES complaint_receipts (id),
  source         text NOT NULL CHECK (source IN ('public_form')),
  -- the file's place in the form, so the team sees them in the order they were given
  position       integer NOT NULL,
  file_name_enc  text NOT NULL,
  content_type   text NOT NULL,
  byte_size      integer NOT NULL CHECK (byte_size > 0),
  -- of the plaintext bytes: lets staff prove a download is the file that was received
  sha256         text NOT NULL,
  content_enc    text NOT NULL,
  received_at    timestamptz NOT NULL
);
CREATE INDEX attachments_case_idx ON attachments (case_id, received_at);
