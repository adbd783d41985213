-- The bookkeeping table: one row per step applied. Created if missing before any step runs.

CREATE TABLE IF NOT EXISTS `schema_versions` (`version` integer,`name` text NOT NULL,`app_version` text NOT NULL,`applied_at` datetime NOT NULL,PRIMARY KEY (`version`));
