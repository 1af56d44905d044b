CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_subject` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `call_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`callback_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer NOT NULL,
	`disposition` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`callback_at` integer,
	FOREIGN KEY (`callback_id`) REFERENCES `callbacks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempts_customer` ON `call_attempts` (`customer_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `attempts_callback` ON `call_attempts` (`callback_id`);--> statement-breakpoint
CREATE TABLE `callbacks` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`reason` text NOT NULL,
	`priority` integer NOT NULL,
	`due_at` integer,
	`state` text NOT NULL,
	`outcome` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`lease_agent_id` text,
	`lease_expires_at` integer,
	`notes` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`import_batch_id` text,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callbacks_queue_due` ON `callbacks` (`priority`,`due_at`,`created_at`,`id`) WHERE state = 'open' AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `callbacks_queue_asap` ON `callbacks` (`priority`,`created_at`,`id`) WHERE state = 'open' AND due_at IS NULL;--> statement-breakpoint
CREATE INDEX `callbacks_customer` ON `callbacks` (`customer_id`,`state`,`reason`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`phone_status` text DEFAULT 'ok' NOT NULL,
	`timezone` text NOT NULL,
	`gender` text DEFAULT 'unknown' NOT NULL,
	`city` text,
	`segment` text,
	`registered_at` integer,
	`last_active_at` integer,
	`txn_count_30d` integer,
	`balance_band` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`consent_service` text DEFAULT 'unknown' NOT NULL,
	`consent_survey` text DEFAULT 'unknown' NOT NULL,
	`consent_marketing` text DEFAULT 'unknown' NOT NULL,
	`dnc_until` integer,
	`cap_until` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_phone` ON `customers` (`phone`);--> statement-breakpoint
CREATE INDEX `customers_timezone` ON `customers` (`timezone`);--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE TABLE `dnc_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`phone` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`expires_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dnc_customer` ON `dnc_entries` (`customer_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`total_rows` integer NOT NULL,
	`imported` integer NOT NULL,
	`duplicates` integer NOT NULL,
	`invalid` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `local_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`created_at` integer NOT NULL,
	`pushed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_unique` ON `outbox` (`id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL
);
