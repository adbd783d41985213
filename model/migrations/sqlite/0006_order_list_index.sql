-- Step 6: an index for the newest-first list of all orders.
-- A database created after this step got it from step 2 already.

CREATE INDEX IF NOT EXISTS `idx_orders_received` ON `orders`(`received_at`);
