-- Step 19: quotes that become orders (issue 22). A Quote ticket records
-- what was quoted: its lines, one set per revision of the quote (a revised
-- quote keeps the one sent before), the currency and the day it is valid
-- to; whether it was won (the order made from it) or lost (and why). An
-- order made from a quote names its ticket, indexed for the order list's
-- "from quotes" view.

CREATE TABLE IF NOT EXISTS `quote_lines` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`created_by` text NOT NULL DEFAULT "",`updated_at` datetime NOT NULL,`updated_by` text NOT NULL DEFAULT "",`version` integer NOT NULL DEFAULT 1,`ticket_id` integer NOT NULL,`rev` integer NOT NULL,`line_no` integer NOT NULL,`product_id` integer NOT NULL,`qty` integer NOT NULL,`unit` text NOT NULL,`unit_price` integer NOT NULL,CONSTRAINT `fk_quote_lines_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON DELETE RESTRICT,CONSTRAINT `fk_quote_lines_product` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE RESTRICT);

CREATE UNIQUE INDEX IF NOT EXISTS `idx_quote_line_no` ON `quote_lines`(`ticket_id`,`rev`,`line_no`);

CREATE INDEX IF NOT EXISTS `idx_quote_lines_product_id` ON `quote_lines`(`product_id`);

-- if no column tickets.quote_rev
ALTER TABLE tickets ADD COLUMN quote_rev integer NOT NULL DEFAULT 0;

-- if no column tickets.quote_currency
ALTER TABLE tickets ADD COLUMN quote_currency text NOT NULL DEFAULT "";

-- if no column tickets.quote_valid_to
ALTER TABLE tickets ADD COLUMN quote_valid_to text;

-- if no column tickets.quote_outcome
ALTER TABLE tickets ADD COLUMN quote_outcome text NOT NULL DEFAULT "";

-- if no column tickets.quote_lost_reason
ALTER TABLE tickets ADD COLUMN quote_lost_reason text NOT NULL DEFAULT "";

-- if no column orders.quote_ticket_id
ALTER TABLE orders ADD COLUMN quote_ticket_id integer REFERENCES tickets(id);

CREATE INDEX IF NOT EXISTS `idx_orders_quote_ticket_id` ON `orders`(`quote_ticket_id`) WHERE quote_ticket_id IS NOT NULL;
