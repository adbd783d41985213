-- Step 2: orders: lines, confirmation revisions, payments, production progress and exceptions, shipment requests, number counters, last prices.

CREATE TABLE `counters` (`series` text,`year` integer,`last` integer NOT NULL,PRIMARY KEY (`series`,`year`));

CREATE TABLE `orders` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`no` text NOT NULL,`customer_id` integer NOT NULL,`contact_id` integer,`channel` text NOT NULL,`memo` text NOT NULL DEFAULT "",`caller_name` text NOT NULL DEFAULT "",`callback_number` text NOT NULL DEFAULT "",`received_at` datetime NOT NULL,`taken_by_id` integer NOT NULL,`clerk_id` integer NOT NULL,`salesperson_id` integer,`customer_po` text NOT NULL DEFAULT "",`payment_method` text NOT NULL DEFAULT "",`currency` text NOT NULL,`requested_date` text,`ship_to` text NOT NULL DEFAULT "",`tolerance_pct` integer,`packaging` text NOT NULL DEFAULT "",`special_requirements` text NOT NULL DEFAULT "",`answer_promised_by` datetime,`answer_given_at` datetime,`answer_given_by` text NOT NULL DEFAULT "",`state` text NOT NULL,`state_since` datetime NOT NULL,`open` numeric NOT NULL,`due_at` datetime,`held_from` text NOT NULL DEFAULT "",`total` integer NOT NULL,`deposit_due` integer NOT NULL,`deposit_paid` integer NOT NULL,`balance_paid` integer NOT NULL,`tech_can_produce` numeric NOT NULL DEFAULT false,`tech_formula_changed` numeric NOT NULL DEFAULT false,`tech_old_formula_insisted` numeric NOT NULL DEFAULT false,`tech_old_formula_confirmation` text NOT NULL DEFAULT "",`tech_material_in_stock` numeric NOT NULL DEFAULT false,`tech_note` text NOT NULL DEFAULT "",`tech_signed_by` text NOT NULL DEFAULT "",`tech_signed_by_id` integer,`tech_signed_at` datetime,`tech_recorded_by` text NOT NULL DEFAULT "",`pd_production_date` text,`pd_finished_date` text,`pd_qty` integer NOT NULL DEFAULT 0,`pd_note` text NOT NULL DEFAULT "",`pd_signed_by` text NOT NULL DEFAULT "",`pd_signed_by_id` integer,`pd_signed_at` datetime,`pd_recorded_by` text NOT NULL DEFAULT "",`loosen_to` text,`loosen_reason` text NOT NULL DEFAULT "",`loosen_agreed_by` text NOT NULL DEFAULT "",`loosen_agreed_by_id` integer,`loosen_agreed_at` datetime,`loosen_recorded_by` text NOT NULL DEFAULT "",`confirmed_date` text,`promised_date` text,`slip_days` integer NOT NULL,`current_rev` integer NOT NULL,`sign_back_owed_since` datetime,`signed_back_at` datetime,`rel_clerk_by` text NOT NULL DEFAULT "",`rel_clerk_by_id` integer,`rel_clerk_at` datetime,`rel_prod_by` text NOT NULL DEFAULT "",`rel_prod_by_id` integer,`rel_prod_at` datetime,`rel_copy_to_tech_at` datetime,`rel_before_sign_back` numeric NOT NULL DEFAULT false,`prod_done` datetime,`qc_quantity_ok` numeric NOT NULL DEFAULT false,`qc_packaging_ok` numeric NOT NULL DEFAULT false,`qc_labels_ok` numeric NOT NULL DEFAULT false,`qc_passed` numeric NOT NULL DEFAULT false,`qc_note` text NOT NULL DEFAULT "",`qc_inspector_by` text NOT NULL DEFAULT "",`qc_inspector_by_id` integer,`qc_inspector_at` datetime,`qc_stocked_in_at` datetime,`qc_failures` integer NOT NULL DEFAULT 0,`qc_recorded_by` text NOT NULL DEFAULT "",`bal_amount` integer NOT NULL DEFAULT 0,`bal_issued_by` text NOT NULL DEFAULT "",`bal_issued_by_id` integer,`bal_issued_at` datetime,`fin_terms_by` text NOT NULL DEFAULT "",`fin_terms_by_id` integer,`fin_terms_at` datetime,`fin_signed_by` text NOT NULL DEFAULT "",`fin_signed_by_id` integer,`fin_signed_at` datetime,`fin_note` text NOT NULL DEFAULT "",`em_auth_by` text NOT NULL DEFAULT "",`em_auth_by_id` integer,`em_auth_at` datetime,`em_reason` text NOT NULL DEFAULT "",`request_no` text NOT NULL DEFAULT "",`ship_shipped_on` text,`ship_shipped_by` text NOT NULL DEFAULT "",`ship_expected_arrival` text,`ship_arrived_on` text,`ship_receipt_signed_by` text NOT NULL DEFAULT "",`ship_recorded_by` text NOT NULL DEFAULT "",`close_reason` text NOT NULL DEFAULT "",`sampling_request` text NOT NULL DEFAULT "",CONSTRAINT `fk_orders_contact` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_orders_taken_by` FOREIGN KEY (`taken_by_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_orders_salesperson` FOREIGN KEY (`salesperson_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_orders_clerk` FOREIGN KEY (`clerk_id`) REFERENCES `employees`(`id`) ON DELETE RESTRICT);

CREATE INDEX `idx_orders_sign_back_owed_since` ON `orders`(`sign_back_owed_since`) WHERE sign_back_owed_since IS NOT NULL;

CREATE INDEX `idx_orders_due_at` ON `orders`(`due_at`) WHERE due_at IS NOT NULL;

CREATE INDEX `idx_orders_open_promised` ON `orders`(`open`,`promised_date`);

CREATE INDEX `idx_orders_customer_po` ON `orders`(`customer_po`);

CREATE INDEX `idx_orders_clerk_id` ON `orders`(`clerk_id`);

CREATE INDEX `idx_orders_received` ON `orders`(`received_at`);

CREATE INDEX `idx_orders_open` ON `orders`(`open`,`received_at`);

CREATE INDEX `idx_orders_state` ON `orders`(`state`,`received_at`);

CREATE INDEX `idx_orders_customer` ON `orders`(`customer_id`,`received_at`);

CREATE UNIQUE INDEX `idx_orders_no` ON `orders`(`no`);

CREATE TABLE `order_lines` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`order_id` integer NOT NULL,`line_no` integer NOT NULL,`product_id` integer NOT NULL,`spec` text NOT NULL DEFAULT "",`qty` integer NOT NULL,`unit` text NOT NULL,`unit_price` integer NOT NULL,`discount_pct` integer NOT NULL DEFAULT 0,`amount` integer NOT NULL,`plan_price` integer NOT NULL DEFAULT 0,`last_price` integer NOT NULL DEFAULT 0,`produced_qty` integer NOT NULL DEFAULT 0,`price_confirmed_by` text NOT NULL DEFAULT "",`price_confirmed_by_id` integer,`price_confirmed_at` datetime,`price_reported` datetime,`price_note` text NOT NULL DEFAULT "",CONSTRAINT `fk_order_lines_product` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_orders_lines` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`));

CREATE INDEX `idx_order_lines_product_id` ON `order_lines`(`product_id`);

CREATE UNIQUE INDEX `idx_line_no` ON `order_lines`(`order_id`,`line_no`);

CREATE TABLE `confirmation_revisions` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`order_id` integer NOT NULL,`rev` integer NOT NULL,`issued_by` text NOT NULL DEFAULT "",`issued_by_id` integer,`issued_at` datetime,`promised_date` text,`total` integer NOT NULL,`faxed_at` datetime,`faxed_by` text NOT NULL DEFAULT "",`legible_by` text NOT NULL DEFAULT "",`legible_by_id` integer,`legible_at` datetime,`signed_by` text NOT NULL DEFAULT "",`signed_by_id` integer,`signed_at` datetime,`signer_contact_id` integer,`stamped` numeric NOT NULL DEFAULT false,`received_by` text NOT NULL DEFAULT "",`problems` text NOT NULL DEFAULT "",`superseded` numeric NOT NULL DEFAULT false,`document` text NOT NULL DEFAULT "",CONSTRAINT `fk_orders_revisions` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`));

CREATE UNIQUE INDEX `idx_rev` ON `confirmation_revisions`(`order_id`,`rev`);

CREATE TABLE `payments` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`order_id` integer NOT NULL,`kind` text NOT NULL,`amount` integer NOT NULL,`received_on` text NOT NULL,`reference` text NOT NULL DEFAULT "",CONSTRAINT `fk_orders_payments` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`));

CREATE INDEX `idx_payments_order_id` ON `payments`(`order_id`);

CREATE TABLE `progress_entries` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`order_id` integer NOT NULL,`day` text NOT NULL,`made` integer NOT NULL,`note` text NOT NULL DEFAULT "",`finished` numeric NOT NULL DEFAULT false,CONSTRAINT `fk_orders_progress` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`));

CREATE INDEX `idx_progress_entries_order_id` ON `progress_entries`(`order_id`);

CREATE TABLE `production_exceptions` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`order_id` integer NOT NULL,`reported_by` text NOT NULL DEFAULT "",`reported_by_id` integer,`reported_at` datetime,`description` text NOT NULL,`sales_told_at` datetime,`escalated_to` text NOT NULL DEFAULT "",`escalated_at` datetime,`response` text NOT NULL DEFAULT "",`agreed_by` text NOT NULL DEFAULT "",`agreed_by_id` integer,`agreed_at` datetime,CONSTRAINT `fk_orders_exceptions` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`));

CREATE INDEX `idx_production_exceptions_order_id` ON `production_exceptions`(`order_id`);

CREATE TABLE `shipment_requests` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`no` text NOT NULL,`order_id` integer NOT NULL,`issued_by` text NOT NULL DEFAULT "",`issued_by_id` integer,`issued_at` datetime,`ship_to` text NOT NULL,`receiver` text NOT NULL,`phone` text NOT NULL,`checked_by` text NOT NULL DEFAULT "",`checked_by_id` integer,`checked_at` datetime,`after_emerg` numeric NOT NULL DEFAULT false,`note` text NOT NULL DEFAULT "",CONSTRAINT `fk_orders_requests` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`));

CREATE INDEX `idx_shipment_requests_order_id` ON `shipment_requests`(`order_id`);

CREATE UNIQUE INDEX `idx_shipment_requests_no` ON `shipment_requests`(`no`);

CREATE TABLE `last_prices` (`customer_id` integer,`product_id` integer,`currency` text NOT NULL,`unit_price` integer NOT NULL,`order_id` integer NOT NULL,`received_at` datetime NOT NULL,PRIMARY KEY (`customer_id`,`product_id`));
