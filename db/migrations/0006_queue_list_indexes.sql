CREATE TABLE `queue_counts` (
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`priority` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`state`, `reason`, `priority`)
);
--> statement-breakpoint
CREATE INDEX `callbacks_list_queue_due` ON `callbacks` (`priority`,`due_at`,`created_at`,`id`,`state`,`reason`);--> statement-breakpoint
CREATE INDEX `callbacks_list_priority_due` ON `callbacks` (`priority`,`due_at`,`id`,`state`,`reason`);--> statement-breakpoint
CREATE INDEX `callbacks_list_priority_created` ON `callbacks` (`priority`,`created_at`,`id`,`due_at`,`state`,`reason`);--> statement-breakpoint
CREATE INDEX `callbacks_list_due` ON `callbacks` (`due_at`,`id`,`state`,`reason`);--> statement-breakpoint
CREATE INDEX `callbacks_list_attempts` ON `callbacks` (`attempts`,`id`,`state`,`reason`);--> statement-breakpoint
CREATE INDEX `callbacks_list_created` ON `callbacks` (`created_at`,`id`,`state`,`reason`);--> statement-breakpoint
CREATE INDEX `customers_name_nocase` ON `customers` ("name" COLLATE NOCASE);