-- Oversight case core. Every table carries `jurisdiction`, the key a multi-agency deployment
-- distributes by (ADR 0003). Identity fields of civilians live only in `parties.identity_enc`
-- (AES-256-GCM, encrypted by the application). There is no immigration-status column, by design.

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  jurisdiction  text NOT NULL,
  email         text NOT NULL,
  display_name  text NOT NULL,
  agency        text NOT NULL CHECK (agency IN ('COPA', 'BIA', 'OIG')),
  roles         text[] NOT NULL CHECK (cardinality(roles) > 0),
  password_hash text,
  created_at    timestamptz NOT NULL,
  disabled_at   timestamptz,
  UNIQUE (jurisdiction, email)
);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  user_id      uuid NOT NULL REFERENCES users (id),
  token_hash   text NOT NULL UNIQUE,
  label        text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz,
  revoked_at   timestamptz
);

-- Gap-free log numbers: one row per jurisdiction and year, incremented under its row lock inside
-- the intake transaction, so a rolled-back intake gives its number back.
CREATE TABLE log_number_counters (
  jurisdiction text NOT NULL,
  year         integer NOT NULL,
  last_seq     integer NOT NULL,
  PRIMARY KEY (jurisdiction, year)
);

CREATE TABLE units (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  code         text NOT NULL,
  name         text NOT NULL,
  UNIQUE (jurisdiction, code)
);

CREATE TABLE facilities (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  code         text NOT NULL,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('district_station', 'headquarters', 'other')),
  district     text,
  address      text,
  created_at   timestamptz NOT NULL,
  UNIQUE (jurisdiction, code)
);

-- A facility used as a temporary shelter site, for a period. Only aggregate counts are kept,
-- never a list of people.
CREATE TABLE facility_shelter_periods (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  facility_id  uuid NOT NULL REFERENCES facilities (id),
  starts_on    date NOT NULL,
  ends_on      date,
  note         text,
  created_at   timestamptz NOT NULL,
  created_by   uuid REFERENCES users (id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE facility_daily_counts (
  jurisdiction text NOT NULL,
  facility_id  uuid NOT NULL REFERENCES facilities (id),
  day          date NOT NULL,
  residents    integer NOT NULL CHECK (residents >= 0),
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (facility_id, day)
);

CREATE TABLE members (
  id             uuid PRIMARY KEY,
  jurisdiction   text NOT NULL,
  star           text,
  first_name     text NOT NULL,
  last_name      text NOT NULL,
  rank           text,
  unit_code      text,
  appointed_date date,
  race           text,
  sex            text,
  birth_year     integer,
  created_at     timestamptz NOT NULL
);
CREATE INDEX members_star_idx ON members (jurisdiction, star);
CREATE INDEX members_name_idx ON members (jurisdiction, lower(last_name), lower(first_name));

CREATE TABLE cases (
  id                     uuid PRIMARY KEY,
  jurisdiction           text NOT NULL,
  log_number             text NOT NULL,
  case_type              text NOT NULL,
  notification_type      text,
  channel                text NOT NULL,
  received_at            timestamptz NOT NULL,
  incident_occurred_at   timestamptz,
  incident_address       text,
  incident_beat          text,
  incident_district      text,
  facility_id            uuid REFERENCES facilities (id),
  narrative              text NOT NULL,
  categories             text[] NOT NULL,
  flags                  text[] NOT NULL,
  officers_unknown       boolean NOT NULL,
  lead_agency            text NOT NULL,
  restricted             boolean NOT NULL,
  restriction_reasons    text[] NOT NULL,
  status                 text NOT NULL,  -- cache written only by transition(); history below
  status_changed_at      timestamptz NOT NULL,
  created_at             timestamptz NOT NULL,
  created_by             uuid REFERENCES users (id),
  search                 tsvector GENERATED ALWAYS AS (
                           to_tsvector('english'::regconfig, narrative) ||
                           to_tsvector('spanish'::regconfig, narrative)) STORED,
  UNIQUE (jurisdiction, log_number)
);
CREATE INDEX cases_status_idx ON cases (jurisdiction, status);
CREATE INDEX cases_received_idx ON cases (jurisdiction, received_at DESC);
CREATE INDEX cases_categories_idx ON cases USING gin (categories);
CREATE INDEX cases_search_idx ON cases USING gin (search);

-- Every routing decision, append-only: the first at intake, later ones after a joint
-- COPA+BIA determination (MCC 2-78-120(b-5)).
CREATE TABLE routing_decisions (
  id              uuid PRIMARY KEY,
  jurisdiction    text NOT NULL,
  case_id         uuid NOT NULL REFERENCES cases (id),
  agency          text NOT NULL,
  clause          text NOT NULL,
  rule            text NOT NULL,
  explanation     text NOT NULL,
  explanation_es  text NOT NULL,
  decided_at      timestamptz NOT NULL,
  decided_by      uuid REFERENCES users (id),
  joint_reason    text
);
CREATE INDEX routing_decisions_case_idx ON routing_decisions (case_id, decided_at);

CREATE TABLE case_status_history (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  case_id      uuid NOT NULL REFERENCES cases (id),
  from_status  text,
  to_status    text NOT NULL,
  reason       text,
  note         text,
  at           timestamptz NOT NULL,
  actor_id     uuid REFERENCES users (id)
);
CREATE INDEX case_status_history_case_idx ON case_status_history (case_id, at);

CREATE TABLE case_agencies (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  case_id      uuid NOT NULL REFERENCES cases (id),
  agency       text NOT NULL,
  track        text NOT NULL CHECK (track IN ('administrative', 'criminal')),
  role         text NOT NULL CHECK (role IN ('lead', 'parallel', 'referred')),
  added_at     timestamptz NOT NULL,
  added_by     uuid REFERENCES users (id),
  UNIQUE (case_id, agency, track)
);

CREATE TABLE parties (
  id                 uuid PRIMARY KEY,
  jurisdiction       text NOT NULL,
  case_id            uuid NOT NULL REFERENCES cases (id),
  role               text NOT NULL,
  anonymous          boolean NOT NULL,
  identity_enc       text,          -- AES-256-GCM envelope of {name, phone, email, address, ...}
  consent_scope      text,          -- intermediaries: what the person consented to
  language           text,
  contact_channel    text,
  contact_safety     jsonb NOT NULL,
  vulnerabilities    text[] NOT NULL,
  -- demographics only as the public releases publish them
  race               text,
  sex                text,
  age_range          text,
  created_at         timestamptz NOT NULL,
  created_by         uuid REFERENCES users (id)
);
CREATE INDEX parties_case_idx ON parties (case_id);

CREATE TABLE assignments (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  case_id      uuid NOT NULL REFERENCES cases (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  role         text NOT NULL CHECK (role IN ('lead_investigator', 'investigator', 'supervisor')),
  assigned_at  timestamptz NOT NULL,
  assigned_by  uuid REFERENCES users (id),
  ended_at     timestamptz
);
CREATE INDEX assignments_case_idx ON assignments (case_id) WHERE ended_at IS NULL;
CREATE INDEX assignments_user_idx ON assignments (user_id) WHERE ended_at IS NULL;

CREATE TABLE allegations (
  id                   uuid PRIMARY KEY,
  jurisdiction         text NOT NULL,
  case_id              uuid NOT NULL REFERENCES cases (id),
  member_id            uuid REFERENCES members (id),
  category             text NOT NULL,
  summary              text NOT NULL,
  -- caches of the latest row in allegation_findings
  recommended_finding  text,
  recommended_penalty  text,
  final_finding        text,
  final_penalty        text,
  created_at           timestamptz NOT NULL,
  created_by           uuid REFERENCES users (id)
);
CREATE INDEX allegations_case_idx ON allegations (case_id);
CREATE INDEX allegations_member_idx ON allegations (member_id);

-- Findings and penalties as dated history with who: recommended by the investigating agency,
-- final after department review / Police Board / arbitration.
CREATE TABLE allegation_findings (
  id             uuid PRIMARY KEY,
  jurisdiction   text NOT NULL,
  allegation_id  uuid NOT NULL REFERENCES allegations (id),
  stage          text NOT NULL CHECK (stage IN ('recommended', 'final')),
  finding        text,
  penalty        text,
  agency         text NOT NULL,
  recorded_at    timestamptz NOT NULL,
  recorded_by    uuid REFERENCES users (id)
);
CREATE INDEX allegation_findings_idx ON allegation_findings (allegation_id, recorded_at);

CREATE TABLE duty_status_actions (
  id                  uuid PRIMARY KEY,
  jurisdiction        text NOT NULL,
  member_id           uuid NOT NULL REFERENCES members (id),
  case_id             uuid NOT NULL REFERENCES cases (id),
  action              text NOT NULL,
  stage               text NOT NULL CHECK (stage IN ('recommended', 'decided')),
  recommendation_id   uuid REFERENCES duty_status_actions (id),
  decided_by          text,          -- who decided (e.g. the Superintendent), by name or title
  reason              text NOT NULL,
  effective_at        timestamptz NOT NULL,
  badge_surrendered   boolean,
  weapon_surrendered  boolean,
  agency              text NOT NULL,
  recorded_at         timestamptz NOT NULL,
  recorded_by         uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX duty_status_member_idx ON duty_status_actions (member_id, effective_at);
CREATE INDEX duty_status_case_idx ON duty_status_actions (case_id);

CREATE TABLE activities (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  case_id      uuid NOT NULL REFERENCES cases (id),
  kind         text NOT NULL,
  occurred_at  timestamptz NOT NULL,
  place        text,
  outcome      text,
  summary      text NOT NULL,
  member_id    uuid REFERENCES members (id),
  agency       text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  recorded_by  uuid REFERENCES users (id)
);
CREATE INDEX activities_case_idx ON activities (case_id, occurred_at);

CREATE TABLE statements (
  id              uuid PRIMARY KEY,
  jurisdiction    text NOT NULL,
  case_id         uuid REFERENCES cases (id),   -- null: a general statement
  language        text NOT NULL,
  text            text NOT NULL,
  human_reviewed  boolean NOT NULL,
  translation_of  uuid REFERENCES statements (id),
  status          text NOT NULL CHECK (status IN ('draft', 'published')),
  created_at      timestamptz NOT NULL,
  created_by      uuid REFERENCES users (id),
  published_at    timestamptz,
  published_by    uuid REFERENCES users (id)
);
CREATE INDEX statements_case_idx ON statements (case_id);

CREATE TABLE press_inquiries (
  id              uuid PRIMARY KEY,
  jurisdiction    text NOT NULL,
  case_id         uuid REFERENCES cases (id),
  outlet          text NOT NULL,
  question        text NOT NULL,
  received_at     timestamptz NOT NULL,
  statement_id    uuid REFERENCES statements (id),
  answered_at     timestamptz,
  answered_by     uuid REFERENCES users (id),
  logged_at       timestamptz NOT NULL,
  logged_by       uuid REFERENCES users (id)
);

CREATE TABLE deadlines (
  id           uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  case_id      uuid NOT NULL REFERENCES cases (id),
  kind         text NOT NULL,
  sequence     integer NOT NULL DEFAULT 1,
  due_date     date NOT NULL,
  due_at       timestamptz NOT NULL,   -- cache: original due or the latest extension
  anchor_kind  text NOT NULL,
  anchor_date  date NOT NULL,
  basis        text NOT NULL,
  clause       text NOT NULL,
  met_at       timestamptz,
  created_at   timestamptz NOT NULL,
  UNIQUE (case_id, kind, sequence)
);
CREATE INDEX deadlines_due_idx ON deadlines (jurisdiction, due_at) WHERE met_at IS NULL;

CREATE TABLE deadline_extensions (
  id            uuid PRIMARY KEY,
  jurisdiction  text NOT NULL,
  deadline_id   uuid NOT NULL REFERENCES deadlines (id),
  days          integer NOT NULL CHECK (days > 0),
  day_kind      text NOT NULL CHECK (day_kind IN ('calendar', 'business')),
  new_due_date  date NOT NULL,
  new_due_at    timestamptz NOT NULL,
  reason        text NOT NULL,
  granted_at    timestamptz NOT NULL,
  granted_by    uuid NOT NULL REFERENCES users (id)
);

-- Audit log, hash-chained: hash = sha256(prev_hash || '\n' || seq || '\n' || canonical JSON of the
-- row's own columns) (src/server/audit/audit.ts). audit_head holds the chain tip under a
-- row lock so appends are serialized. UPDATE and DELETE are refused by trigger.
CREATE TABLE audit_head (
  jurisdiction text PRIMARY KEY,
  last_seq     bigint NOT NULL,
  prev_hash    text NOT NULL,
  last_hash    text NOT NULL
);

CREATE TABLE audit_events (
  jurisdiction text NOT NULL,
  seq          bigint NOT NULL,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_name   text NOT NULL,
  actor_roles  text[] NOT NULL,
  actor_agency text,
  ip           text,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  case_id      uuid,
  reason       text,
  changes      jsonb NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  PRIMARY KEY (jurisdiction, seq)
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
