-- Step 10: events' history lines as Msgs. A database created after this step
-- got the column from step 1 already. The Go function of the step reads the
-- old English sentences back into Msgs (migrateEventLines).

-- if no column events.lines
ALTER TABLE `events` ADD COLUMN `lines` text NOT NULL DEFAULT "";
