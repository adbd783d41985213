-- Step 3: notes and action items, drafts.

CREATE TABLE `notes` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`object_kind` text NOT NULL,`object_id` integer NOT NULL,`title` text NOT NULL,`body` text NOT NULL DEFAULT "",`author_id` integer,`is_action` numeric NOT NULL,`due_on` text,`assignee_id` integer,`assigned_group_id` integer,`public` numeric NOT NULL,`pending` numeric NOT NULL,`done_at` datetime,`done_by` text NOT NULL DEFAULT "",`item_key` text NOT NULL DEFAULT "",CONSTRAINT `fk_notes_assigned_group` FOREIGN KEY (`assigned_group_id`) REFERENCES `groups`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_notes_author` FOREIGN KEY (`author_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_notes_assignee` FOREIGN KEY (`assignee_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_notes_key` ON `notes`(`item_key`);

CREATE INDEX `idx_notes_public_queue` ON `notes`(`public`,`pending`,`due_on`);

CREATE INDEX `idx_notes_group_queue` ON `notes`(`pending`,`assigned_group_id`,`due_on`);

CREATE INDEX `idx_notes_person_queue` ON `notes`(`pending`,`assignee_id`,`due_on`);

CREATE INDEX `idx_notes_author_id` ON `notes`(`author_id`);

CREATE INDEX `idx_notes_object` ON `notes`(`object_kind`,`object_id`);

CREATE TABLE `drafts` (`id` integer PRIMARY KEY AUTOINCREMENT,`employee_id` integer NOT NULL,`form` text NOT NULL,`key` text NOT NULL,`title` text NOT NULL DEFAULT "",`payload` text NOT NULL,`saved_at` datetime NOT NULL);

CREATE UNIQUE INDEX `idx_drafts_form` ON `drafts`(`employee_id`,`form`,`key`);
