-- Step 4: shipments: lines, notices, arrivals, receipt scans.

CREATE TABLE `shipments` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`no` text NOT NULL,`order_id` integer NOT NULL,`status` text NOT NULL,`carrier` text NOT NULL DEFAULT "",`tracking_no` text NOT NULL DEFAULT "",`packages` integer NOT NULL DEFAULT 0,`weight_kg` integer NOT NULL DEFAULT 0,`ship_date` text NOT NULL,`region` text NOT NULL DEFAULT "",`lead_days` integer NOT NULL DEFAULT 0,`expected_arrival` text NOT NULL,`follow_up_on` text NOT NULL,`ship_to` text NOT NULL DEFAULT "",`note` text NOT NULL DEFAULT "",`emergency_by` text NOT NULL DEFAULT "",`completes` numeric NOT NULL DEFAULT false,`remainder` numeric NOT NULL DEFAULT false,`notice_issued_by` text NOT NULL DEFAULT "",`notice_issued_by_id` integer,`notice_issued_at` datetime,`notice_document` text NOT NULL DEFAULT "",`notice_sent_by` text NOT NULL DEFAULT "",`notice_sent_by_id` integer,`notice_sent_at` datetime,`notice_legible_by` text NOT NULL DEFAULT "",`notice_legible_by_id` integer,`notice_legible_at` datetime,`arrived_on` text,`arrival_by` text NOT NULL DEFAULT "",`receipt_by` text NOT NULL DEFAULT "",`receipt_by_id` integer,`receipt_at` datetime,`receipt_scan` text NOT NULL DEFAULT "",`receipt_scan_name` text NOT NULL DEFAULT "",`problems` text NOT NULL DEFAULT "",`void_by` text NOT NULL DEFAULT "",`void_by_id` integer,`void_at` datetime,`void_reason` text NOT NULL DEFAULT "",CONSTRAINT `fk_shipments_order` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_shipments_remainder` ON `shipments`(`remainder`);

CREATE INDEX `idx_shipments_month` ON `shipments`(`ship_date`);

CREATE INDEX `idx_shipments_arrived` ON `shipments`(`status`,`arrived_on`);

CREATE INDEX `idx_shipments_followup` ON `shipments`(`status`,`follow_up_on`);

CREATE INDEX `idx_shipments_expected` ON `shipments`(`status`,`expected_arrival`);

CREATE INDEX `idx_shipments_order` ON `shipments`(`order_id`);

CREATE UNIQUE INDEX `idx_shipments_no` ON `shipments`(`no`);

CREATE TABLE `shipment_lines` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`shipment_id` integer NOT NULL,`order_line_id` integer NOT NULL,`line_no` integer NOT NULL,`qty` integer NOT NULL,CONSTRAINT `fk_shipments_lines` FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`));

CREATE INDEX `idx_shipment_lines_order_line_id` ON `shipment_lines`(`order_line_id`);

CREATE INDEX `idx_shipment_lines_shipment_id` ON `shipment_lines`(`shipment_id`);
