-- Agencies are the jurisdiction profile's data, not the schema's (issue 20 item 6, ADR 0045): a
-- second city's staff belong to its own agencies. Migration 0001 fixed `users.agency` to the
-- first profile's three codes; the profile's list is now checked where input comes in, and the
-- column keeps only the shape every agency code has (AGENCY_CODE_PATTERN in shared/enums.ts).
ALTER TABLE users DROP CONSTRAINT users_agency_check;
ALTER TABLE users ADD CONSTRAINT users_agency_code CHECK (agency ~ '^[A-Z][A-Z0-9_]{1,15}$');
