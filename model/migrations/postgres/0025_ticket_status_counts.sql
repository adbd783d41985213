-- Step 25: the number of tickets in each status, kept by a trigger. The
-- board's collapsed columns (Cancelled, Completed) hold most of an office's
-- tickets, and counting them walked an index entry a ticket. A count a
-- status is read in one look. The trigger keeps it, so every way a ticket
-- is written counts alike; its increments lock one count row until the
-- transaction ends, so two desks never lose a count.

CREATE TABLE IF NOT EXISTS ticket_status_counts (
  status bigint PRIMARY KEY,
  n bigint NOT NULL DEFAULT 0
);

CREATE OR REPLACE FUNCTION ticket_status_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE ticket_status_counts SET n = n - 1 WHERE status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO ticket_status_counts (status, n) VALUES (NEW.status, 1)
      ON CONFLICT (status) DO UPDATE SET n = ticket_status_counts.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER ticket_status_counts_insert AFTER INSERT OR DELETE ON tickets
  FOR EACH ROW EXECUTE FUNCTION ticket_status_counts_keep();

CREATE TRIGGER ticket_status_counts_update AFTER UPDATE OF status ON tickets
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION ticket_status_counts_keep();

-- The tickets written before this step.
INSERT INTO ticket_status_counts (status, n) SELECT status, COUNT(*) FROM tickets GROUP BY status
  ON CONFLICT (status) DO UPDATE SET n = excluded.n;
