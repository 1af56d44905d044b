CREATE TABLE `sync_sessions` (
	`user_id` text PRIMARY KEY NOT NULL,
	`refresh_token` text NOT NULL,
	`access_token` text,
	`access_expires_at` integer,
	`signed_out_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_stage` (
	`table_name` text NOT NULL,
	`pk` text NOT NULL,
	`row` text,
	PRIMARY KEY(`table_name`, `pk`)
);
--> statement-breakpoint
CREATE TABLE `sync_undo` (
	`seq` integer PRIMARY KEY NOT NULL,
	`sql` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `mutation_id` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `author_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `status` text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `resolved_by` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`mutation_id`);