-- Full-text search at a steady speed between vacuums (issue 24, ADR 0059).
--
-- A GIN index takes new entries into an unsorted pending list, merged into the index by VACUUM
-- or once the list passes gin_pending_list_limit (4 MB by default, 512 pages). Every search
-- reads the whole list. A case's update that is not HOT (a status change: status is indexed)
-- adds every word of its narrative again, and autovacuum visits `cases` only after a fifth of
-- its rows changed, so on a 98,000-case history the list grows toward 4 MB between vacuums and
-- the embedded engine, which has no autovacuum, keeps it until the daily upkeep. Measured on the
-- full history with 480 pending entries in 72 pages: a one-word search (`arrest`, 5,122 matches)
-- ran in 13.7 ms, and in 9.4 ms once the list was merged.
--
-- 64 kB (8 pages) bounds what every search reads; writes merge small lists more often.
ALTER INDEX cases_search_idx SET (gin_pending_list_limit = 64);
ALTER INDEX cases_categories_idx SET (gin_pending_list_limit = 64);
