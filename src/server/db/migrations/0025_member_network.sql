-- Member histories and the co-accusal network (issue 19 items 1 and 2; ADR 0035;
-- docs/early-intervention.md "Member histories and the co-accusal network").
--
-- Both tables are derived: `oversight members network` recomputes them whole for every
-- population and replaces them in one transaction (nightly and after an import). Nothing here is
-- a record of its own; deleting the rows loses nothing a rerun does not bring back.
--
-- A population (`population`) is a set of cases every reader it serves may see in full:
-- 'all' = the unrestricted cases of the jurisdiction (readers who see every case, the auditor);
-- an agency code = the unrestricted cases that agency takes part in. Restricted cases never enter
-- (ADR 0006): a figure built from them would let a reader without need-to-know difference a
-- restricted case out.

-- Complaints per service-year of every member with at least a year of service in the window:
-- the reference distribution the member page places a member in (percentiles, peer groups).
CREATE TABLE member_service_rates (
  jurisdiction     text NOT NULL,
  population       text NOT NULL,
  member_id        uuid NOT NULL REFERENCES members (id),
  -- copied from the roster at the run, so a peer group is one index range
  unit_code        text,
  rank             text,
  appointed_date   date,
  service_years    double precision NOT NULL,
  civilian         integer NOT NULL,
  department       integer NOT NULL,
  civilian_rate    double precision NOT NULL,
  department_rate  double precision NOT NULL,
  PRIMARY KEY (jurisdiction, population, member_id)
);
-- a member's rank among the others is a count of an index range (index-only once vacuumed)
CREATE INDEX member_service_rates_civilian_idx
  ON member_service_rates (jurisdiction, population, civilian_rate) INCLUDE (member_id);
CREATE INDEX member_service_rates_department_idx
  ON member_service_rates (jurisdiction, population, department_rate) INCLUDE (member_id);
CREATE INDEX member_service_rates_peer_idx
  ON member_service_rates (jurisdiction, population, unit_code, rank, appointed_date);

-- Structural measures of each member in the co-accusal network of a population.
CREATE TABLE member_network_measures (
  jurisdiction      text NOT NULL,
  population        text NOT NULL,
  member_id         uuid NOT NULL REFERENCES members (id),
  degree            integer NOT NULL,
  strength          double precision NOT NULL,
  -- shortest-path betweenness (hops), normalized within the member's connected component
  betweenness       double precision NOT NULL,
  component_size    integer NOT NULL,
  PRIMARY KEY (jurisdiction, population, member_id)
);

-- One row per population and run: when the figures above were computed, from what.
CREATE TABLE member_network_runs (
  jurisdiction   text NOT NULL,
  population     text NOT NULL,
  computed_at    timestamptz NOT NULL,
  window_start   date NOT NULL,
  window_end     date NOT NULL,
  members        integer NOT NULL,
  links          integer NOT NULL,
  duration_ms    integer NOT NULL,
  PRIMARY KEY (jurisdiction, population)
);

