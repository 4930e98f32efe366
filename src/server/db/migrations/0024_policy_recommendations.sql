-- Policy recommendations the office makes to the department (issue 18 item 7). MCC §2-78-150
-- has the annual report list them with the department's responses, so they are records, not prose:
-- when made, on what, to whom, the text, the department's response and its date, and how far it
-- was implemented. Every change is an audit event (policy_recommendation.*).
CREATE TABLE policy_recommendations (
  id                     uuid PRIMARY KEY,
  jurisdiction           text NOT NULL,
  made_on                date NOT NULL,
  topic                  text NOT NULL,
  body                   text NOT NULL,
  recipient              text NOT NULL,
  response               text,
  response_on            date,
  -- implementation status (POLICY_RECOMMENDATION_STATUSES in src/shared/schemas/policy-recommendations.ts)
  status                 text NOT NULL CHECK (status IN (
                           'pending', 'in_progress', 'implemented', 'partially_implemented', 'declined')),
  created_at             timestamptz NOT NULL,
  created_by             uuid REFERENCES users (id),
  updated_at             timestamptz NOT NULL,
  -- a response has its date and cannot precede the recommendation
  CONSTRAINT policy_recommendations_response
    CHECK ((response IS NULL) = (response_on IS NULL) AND (response_on IS NULL OR response_on >= made_on))
);
CREATE INDEX policy_recommendations_made_idx ON policy_recommendations (jurisdiction, made_on);
