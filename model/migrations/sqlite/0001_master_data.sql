-- Step 1: master data: people, groups, teams, customers, contacts, vendors, products, prices, events, settings.

CREATE TABLE `events` (`id` integer PRIMARY KEY AUTOINCREMENT,`entity` text NOT NULL,`entity_id` integer NOT NULL,`at` datetime NOT NULL,`by` text NOT NULL,`by_id` integer NOT NULL DEFAULT 0,`action` text NOT NULL,`from` text NOT NULL DEFAULT "",`to` text NOT NULL DEFAULT "",`lines` text NOT NULL DEFAULT "",`changes` text NOT NULL DEFAULT "",`note` text NOT NULL DEFAULT "");

CREATE INDEX `idx_events_entity` ON `events`(`entity`,`entity_id`,`at`);

CREATE TABLE `settings` (`key` text,`value` text NOT NULL,`updated_at` datetime NOT NULL,`updated_by` text NOT NULL,PRIMARY KEY (`key`));

CREATE TABLE `employees` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`name` text NOT NULL,`name_zh` text NOT NULL DEFAULT "",`initials` text NOT NULL,`email` text NOT NULL DEFAULT "",`phone` text NOT NULL DEFAULT "",`active` numeric NOT NULL,`manager` numeric NOT NULL);

CREATE UNIQUE INDEX `idx_employees_initials` ON `employees`(`initials`);

CREATE UNIQUE INDEX `idx_employees_name` ON `employees`(`name`);

CREATE TABLE `groups` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`code` text NOT NULL,`name` text NOT NULL,`name_zh` text NOT NULL DEFAULT "",`active` numeric NOT NULL);

CREATE UNIQUE INDEX `idx_groups_code` ON `groups`(`code`);

CREATE TABLE `group_members` (`group_id` integer,`employee_id` integer,PRIMARY KEY (`group_id`,`employee_id`),CONSTRAINT `fk_group_members_group` FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_group_members_employee` FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_group_members_employee_id` ON `group_members`(`employee_id`);

CREATE TABLE `teams` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`code` text NOT NULL,`name` text NOT NULL,`kind` text NOT NULL,`vision` text NOT NULL DEFAULT "",`culture` text NOT NULL DEFAULT "",`active` numeric NOT NULL);

CREATE UNIQUE INDEX `idx_teams_code` ON `teams`(`code`);

CREATE TABLE `team_members` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`team_id` integer NOT NULL,`employee_id` integer NOT NULL,`roles` text NOT NULL DEFAULT "",`part_time` numeric NOT NULL,CONSTRAINT `fk_team_members_team` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_team_members_employee` FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_team_members_employee_id` ON `team_members`(`employee_id`);

CREATE UNIQUE INDEX `idx_team_member` ON `team_members`(`team_id`,`employee_id`);

CREATE TABLE `customers` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`code` text NOT NULL,`name_zh` text NOT NULL DEFAULT "",`name_en` text NOT NULL DEFAULT "",`tier` text NOT NULL,`deposit_percent` integer NOT NULL,`payment_terms` text NOT NULL DEFAULT "",`contract_ref` text NOT NULL DEFAULT "",`currency` text NOT NULL,`salesperson_id` integer,`phone` text NOT NULL DEFAULT "",`fax` text NOT NULL DEFAULT "",`email` text NOT NULL DEFAULT "",`billing_address` text NOT NULL DEFAULT "",`delivery_address` text NOT NULL DEFAULT "",`region` text NOT NULL DEFAULT "",`doc_language` text NOT NULL,`active` numeric NOT NULL,`search` text NOT NULL DEFAULT "",CONSTRAINT `fk_customers_salesperson` FOREIGN KEY (`salesperson_id`) REFERENCES `employees`(`id`));

CREATE INDEX `idx_customers_active` ON `customers`(`active`);

CREATE INDEX `idx_customers_salesperson_id` ON `customers`(`salesperson_id`);

CREATE INDEX `idx_customers_list` ON `customers`(`active`,`code`);

CREATE UNIQUE INDEX `idx_customers_code` ON `customers`(`code`);

CREATE TABLE `vendors` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`code` text NOT NULL,`name_zh` text NOT NULL DEFAULT "",`name_en` text NOT NULL DEFAULT "",`phone` text NOT NULL DEFAULT "",`fax` text NOT NULL DEFAULT "",`email` text NOT NULL DEFAULT "",`address` text NOT NULL DEFAULT "",`active` numeric NOT NULL,`search` text NOT NULL DEFAULT "");

CREATE INDEX `idx_vendors_active` ON `vendors`(`active`);

CREATE UNIQUE INDEX `idx_vendors_code` ON `vendors`(`code`);

CREATE TABLE `contacts` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`customer_id` integer,`vendor_id` integer,`name` text NOT NULL,`title` text NOT NULL DEFAULT "",`phone` text NOT NULL DEFAULT "",`mobile` text NOT NULL DEFAULT "",`fax` text NOT NULL DEFAULT "",`email` text NOT NULL DEFAULT "",`can_sign` numeric NOT NULL,`active` numeric NOT NULL,CONSTRAINT `fk_contacts_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_contacts_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_contacts_vendor_id` ON `contacts`(`vendor_id`);

CREATE INDEX `idx_contacts_customer_id` ON `contacts`(`customer_id`);

CREATE TABLE `products` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`code` text NOT NULL,`name_zh` text NOT NULL DEFAULT "",`name_en` text NOT NULL DEFAULT "",`width_mm` integer NOT NULL,`grammage` integer NOT NULL,`length_m` integer NOT NULL,`core_mm` integer NOT NULL,`colour_spec` text NOT NULL DEFAULT "",`unit` text NOT NULL,`active` numeric NOT NULL,`search` text NOT NULL DEFAULT "");

CREATE INDEX `idx_products_active` ON `products`(`active`);

CREATE INDEX `idx_products_list` ON `products`(`active`,`code`);

CREATE UNIQUE INDEX `idx_products_code` ON `products`(`code`);

CREATE TABLE `prices` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`product_id` integer NOT NULL,`customer_id` integer,`unit_price` integer NOT NULL,`currency` text NOT NULL,`valid_from` text NOT NULL,`valid_to` text,`note` text NOT NULL DEFAULT "",CONSTRAINT `fk_prices_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_prices_product` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_prices_lookup` ON `prices`(`product_id`,`customer_id`,`valid_from`);
