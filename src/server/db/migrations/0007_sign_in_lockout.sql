-- Per-account lockout with backoff (issue 6; OWASP authentication cheat sheet). Consecutive
-- failed sign-ins are counted on the user; from the fifth, the account is locked for 1, 2, 4 …
-- minutes (at most 60). A success resets both.
ALTER TABLE users
  ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
  ADD COLUMN locked_until    timestamptz;
