-- Step 5: tickets.

CREATE TABLE `tickets` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`no` text NOT NULL,`type` text NOT NULL,`status` integer NOT NULL,`ext` text NOT NULL DEFAULT "",`priority` integer NOT NULL,`kept_priority` integer NOT NULL,`open` numeric NOT NULL,`manager_id` integer,`group_id` integer,`customer_id` integer,`contact_id` integer,`order_id` integer,`vendor_id` integer,`shipment_no` text NOT NULL DEFAULT "",`contract_ref` text NOT NULL DEFAULT "",`subject` text NOT NULL,`description` text NOT NULL DEFAULT "",`due_on` text,`resolution` text NOT NULL DEFAULT "",`charges` integer NOT NULL DEFAULT 0,`charges_checked` numeric NOT NULL,`in_house_tried` numeric NOT NULL,`to_be_dispatched` numeric NOT NULL,`visit_on` text,`visit_scheduled` numeric NOT NULL,`fci_at` datetime,`ca1_at` datetime,`ca2_at` datetime,`ca3_at` datetime,`ca4_at` datetime,`recur_days` integer NOT NULL DEFAULT 0,`next_run_on` text,`recur_from_id` integer,`merged_into_id` integer,`cancel_reason` text NOT NULL DEFAULT "",CONSTRAINT `fk_tickets_manager` FOREIGN KEY (`manager_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_tickets_group` FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_tickets_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_tickets_contact` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_tickets_order` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_tickets_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_tickets_next_run_on` ON `tickets`(`next_run_on`);

CREATE INDEX `idx_tickets_order_id` ON `tickets`(`order_id`);

CREATE INDEX `idx_tickets_customer_id` ON `tickets`(`customer_id`);

CREATE INDEX `idx_tickets_group_id` ON `tickets`(`group_id`);

CREATE INDEX `idx_tickets_manager` ON `tickets`(`manager_id`,`open`);

CREATE INDEX `idx_tickets_board` ON `tickets`(`status`,`due_on`);

CREATE INDEX `idx_tickets_type` ON `tickets`(`type`);

CREATE UNIQUE INDEX `idx_tickets_no` ON `tickets`(`no`);

CREATE INDEX IF NOT EXISTS idx_tickets_status_updated ON tickets (status, updated_at);
