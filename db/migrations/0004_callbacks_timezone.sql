ALTER TABLE `callbacks` ADD `timezone` text;--> statement-breakpoint
UPDATE `callbacks` SET `timezone` = (SELECT `timezone` FROM `customers` WHERE `customers`.`id` = `callbacks`.`customer_id`);--> statement-breakpoint
CREATE INDEX `callbacks_queue_zone_due` ON `callbacks` (`priority`,`timezone`,`due_at`,`created_at`,`id`) WHERE state = 'open' AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `callbacks_queue_zone_asap` ON `callbacks` (`priority`,`timezone`,`created_at`,`id`) WHERE state = 'open' AND due_at IS NULL;