-- Issue 23 item 11: the portal lists cases newest first by the log number's own sequence. Sorted
-- as text, `log_number DESC` put the legacy 6-digit CLEAR numbers (`315296`) above the 7-digit
-- ones (`1087654`) and both above COPA's `2019-0000001`, so the list opened on 2006.
--
-- The order is the log number's, never the date received: the list also shows restricted and
-- BIA-only cases whose received date is not public, and a date order would place each of them
-- between two public dates, giving its hidden date away. The log number is public on every case.
--
-- log_number_order() is the one definition of the key (docs/public-portal.md): a legacy number
-- (digits only; CLEAR's 6–7 digits, all issued before COPA's numbering began in 2019) by its value,
-- below every year-prefixed number; `YYYY-NNNNNNN` by year, then sequence (year × 10^7 + sequence,
-- so 2019-0000001 = 20,190,000,001 > any 10-digit legacy value). Any other shape has no key
-- (NULL); the list breaks ties, and orders such rows, by the log number's text.
CREATE FUNCTION log_number_order(log_number text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE
             WHEN log_number ~ '^[0-9]{1,10}$' THEN log_number::bigint
             WHEN log_number ~ '^[0-9]{4}-[0-9]{1,7}$'
               THEN split_part(log_number, '-', 1)::bigint * 10000000
                    + split_part(log_number, '-', 2)::bigint
           END
  $$;

-- Read forwards for oldest first, backwards for newest first: a page of the unfiltered list reads
-- 25 index entries instead of sorting every case.
CREATE INDEX cases_log_order_idx ON cases (jurisdiction, log_number_order(log_number), log_number);
