-- Step 17: returns (RMA, seed 004's Repair & Returns team): a return
-- authorization of an order's shipped goods, its lines, and the group that
-- works them.

CREATE TABLE `rmas` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`no` text NOT NULL,`order_id` integer NOT NULL,`shipment_id` integer,`ticket_id` integer,`state` text NOT NULL,`due_on` text,`reason` text NOT NULL,`qc_lot` text NOT NULL DEFAULT "",`complaint` text NOT NULL DEFAULT "",`opened_by` text NOT NULL DEFAULT "",`opened_by_id` integer,`opened_at` datetime,`authorized_by` text NOT NULL DEFAULT "",`authorized_by_id` integer,`authorized_at` datetime,`received_by` text NOT NULL DEFAULT "",`received_by_id` integer,`received_at` datetime,`inspected_by` text NOT NULL DEFAULT "",`inspected_by_id` integer,`inspected_at` datetime,`findings` text NOT NULL DEFAULT "",`decision` text NOT NULL DEFAULT "",`decided_by` text NOT NULL DEFAULT "",`decided_by_id` integer,`decided_at` datetime,`credit` integer NOT NULL DEFAULT 0,`reject_reason` text NOT NULL DEFAULT "",`replacement_id` integer,`closed_by` text NOT NULL DEFAULT "",`closed_by_id` integer,`closed_at` datetime,`cancelled_by` text NOT NULL DEFAULT "",`cancelled_by_id` integer,`cancelled_at` datetime,`cancel_reason` text NOT NULL DEFAULT "",CONSTRAINT `fk_rmas_order` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE RESTRICT);

CREATE UNIQUE INDEX `idx_rmas_no` ON `rmas`(`no`);

CREATE INDEX `idx_rmas_order_id` ON `rmas`(`order_id`);

CREATE INDEX `idx_rmas_shipment_id` ON `rmas`(`shipment_id`);

CREATE INDEX `idx_rmas_ticket_id` ON `rmas`(`ticket_id`);

CREATE INDEX `idx_rmas_due` ON `rmas`(`state`,`due_on`);

CREATE TABLE `rma_lines` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`rma_id` integer NOT NULL,`order_line_id` integer NOT NULL,`line_no` integer NOT NULL,`qty` integer NOT NULL,CONSTRAINT `fk_rmas_lines` FOREIGN KEY (`rma_id`) REFERENCES `rmas`(`id`));

CREATE INDEX `idx_rma_lines_rma_id` ON `rma_lines`(`rma_id`);

-- An office made before this step gets seed 004's Repair & Returns group
-- (a new office makes it with the other standard groups); an empty
-- database has no office yet and gets none here.
INSERT INTO `groups` (`created_at`,`created_by`,`updated_at`,`updated_by`,`version`,`code`,`name`,`name_zh`,`active`)
SELECT CURRENT_TIMESTAMP, 'OrderDesk', CURRENT_TIMESTAMP, 'OrderDesk', 1, 'RR', 'Repair & Returns', '維修退貨', true
WHERE EXISTS (SELECT 1 FROM `groups`) AND NOT EXISTS (SELECT 1 FROM `groups` WHERE `code` = 'RR');
