-- Step 11: the import journal, so that an import that dies half-way is undone.

CREATE TABLE `imports` (`id` integer PRIMARY KEY AUTOINCREMENT,`kind` text NOT NULL,`by` text NOT NULL,`state` text NOT NULL,`started_at` datetime NOT NULL,`alive_at` datetime NOT NULL,`row_count` integer NOT NULL DEFAULT 0);

CREATE INDEX `idx_imports_state` ON `imports`(`state`);

CREATE TABLE `import_changes` (`id` integer PRIMARY KEY AUTOINCREMENT,`import_id` integer NOT NULL,`entity` text NOT NULL,`entity_id` integer NOT NULL,`before` text NOT NULL DEFAULT "");

CREATE INDEX `idx_import_changes_import_id` ON `import_changes`(`import_id`);
