-- Step 24: the pending action items counted by who must act (a person or a
-- work group) and the day they are due. The manager's dashboard counts
-- the past-due items of everyone: over 1,000,000 notes that read tens of
-- thousands of index entries on every look; summing the days before today
-- here reads a few thousand small rows. Every write that changes a pending
-- item changes these counts in its own transaction; a day whose count
-- falls to nought is deleted. Filled here from the items already stored.

CREATE TABLE `action_item_days` (`owner_kind` text,`owner_id` integer,`due_on` text,`n` integer NOT NULL DEFAULT 0,PRIMARY KEY (`owner_kind`,`owner_id`,`due_on`));

INSERT INTO `action_item_days` (`owner_kind`, `owner_id`, `due_on`, `n`)
SELECT 'person', assignee_id, due_on, COUNT(*) FROM notes
WHERE pending = 1 AND assignee_id IS NOT NULL AND due_on IS NOT NULL
GROUP BY assignee_id, due_on;

INSERT INTO `action_item_days` (`owner_kind`, `owner_id`, `due_on`, `n`)
SELECT 'group', assigned_group_id, due_on, COUNT(*) FROM notes
WHERE pending = 1 AND assignee_id IS NULL AND assigned_group_id IS NOT NULL AND due_on IS NOT NULL
GROUP BY assigned_group_id, due_on;
