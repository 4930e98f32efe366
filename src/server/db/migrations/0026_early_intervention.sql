-- Issue 19 items 3 and 4: early-intervention rules as data per jurisdiction, and the alerts they
-- raise with their review steps (docs/early-intervention.md). An alert is advice for support and
-- training: nothing here refers to an allegation, a finding or a penalty, and no table of the
-- discipline record refers to an alert.

CREATE TABLE eis_rules (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  code         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('count_in_days', 'top_percentile', 'monitor_member', 'monitor_unit')),
  label        text NOT NULL,
  -- count_in_days: at least `threshold` allegations of `categories` (empty: complaints of any
  -- category) received within `days` days
  categories   text[] NOT NULL DEFAULT '{}',
  threshold    integer CHECK (threshold >= 1),
  days         integer CHECK (days >= 1),
  -- top_percentile: the risk ranking's top `percentile` per cent of active members
  percentile   numeric CHECK (percentile > 0 AND percentile <= 50),
  -- monitor_member / monitor_unit: any complaint naming the member (or a member of the unit)
  -- received within `days` days
  member_id    uuid REFERENCES members (id),
  unit_code    text,
  active       boolean NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   uuid REFERENCES users (id),
  updated_at   timestamptz NOT NULL,
  updated_by   uuid REFERENCES users (id),
  UNIQUE (jurisdiction, code),
  CHECK (kind <> 'count_in_days' OR (threshold IS NOT NULL AND days IS NOT NULL)),
  CHECK (kind <> 'top_percentile' OR percentile IS NOT NULL),
  CHECK (kind <> 'monitor_member' OR (member_id IS NOT NULL AND days IS NOT NULL)),
  CHECK (kind <> 'monitor_unit' OR (unit_code IS NOT NULL AND days IS NOT NULL))
);

CREATE TABLE eis_alerts (
  id                uuid PRIMARY KEY,
  jurisdiction      text NOT NULL,
  member_id         uuid NOT NULL REFERENCES members (id),
  rule_id           uuid NOT NULL REFERENCES eis_rules (id),
  raised_on         date NOT NULL,
  -- the ranking's log-odds for top_percentile alerts; null for the other rules
  score             double precision,
  -- why, in words a supervisor understands: [{"en": "...", "es": "..."}]
  reasons           jsonb NOT NULL,
  status            text NOT NULL CHECK (status IN ('new', 'supervisor_review', 'intervention_planned',
                                                  'resolved', 'dismissed', 'acknowledged')),
  status_changed_at timestamptz NOT NULL,
  created_at        timestamptz NOT NULL
);
-- one open alert per member and rule: a nightly run does not raise it again while it is reviewed
CREATE UNIQUE INDEX eis_alerts_open_idx ON eis_alerts (jurisdiction, member_id, rule_id)
  WHERE status IN ('new', 'supervisor_review', 'intervention_planned');
CREATE INDEX eis_alerts_queue_idx ON eis_alerts (jurisdiction, status, raised_on DESC);

-- Each step of the review, append-only like the case stage history.
CREATE TABLE eis_alert_steps (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  alert_id     uuid NOT NULL REFERENCES eis_alerts (id),
  from_status  text NOT NULL,
  to_status    text NOT NULL,
  note         text NOT NULL,
  actor_id     uuid REFERENCES users (id),
  at           timestamptz NOT NULL
);
CREATE INDEX eis_alert_steps_alert_idx ON eis_alert_steps (alert_id, at);

-- Issue 19 item 5: each backtest run's tables (aggregates only: no member is named), so the
-- Reports page shows the latest without re-running it (a run takes about a minute).
CREATE TABLE eis_backtest_runs (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  from_year    integer NOT NULL,
  to_year      integer NOT NULL,
  result       jsonb NOT NULL,
  seconds      double precision NOT NULL,
  ran_at       timestamptz NOT NULL
);
CREATE INDEX eis_backtest_runs_latest_idx ON eis_backtest_runs (jurisdiction, ran_at DESC);
