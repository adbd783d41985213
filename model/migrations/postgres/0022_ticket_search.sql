-- Step 22: a text index for the ticket search. The board's search matches
-- a ticket's number and subject with LOWER(…) LIKE '%…%', which read every
-- ticket of the columns it counts. pg_trgm's GIN index on the same two
-- expressions answers such a LIKE from the index (PostgreSQL rechecks the
-- rows itself, so the results do not change).
--
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's
-- owner may create it. A role that may not (nor use it where another made
-- it), or a server without the contrib package, must still upgrade: the
-- step then makes no index, and the search stays correct, only as slow as
-- before. The operator class is named with the schema the extension lives
-- in, which need not be on the search_path of the office's tables.

DO $$
DECLARE
  trgm name;
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  SELECT n.nspname INTO trgm FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  EXECUTE format('CREATE INDEX IF NOT EXISTS "idx_tickets_search" ON "tickets" USING gin (LOWER("no") %1$I.gin_trgm_ops, LOWER("subject") %1$I.gin_trgm_ops)', trgm);
EXCEPTION WHEN insufficient_privilege OR undefined_file OR undefined_object OR feature_not_supported THEN
  RAISE NOTICE 'no pg_trgm index (%): the ticket search reads the tickets without it', SQLERRM;
END
$$;
