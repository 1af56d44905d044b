CREATE TABLE `calendar_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_versions_version_unique` ON `calendar_versions` (`version`);--> statement-breakpoint
CREATE TABLE `faq_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`category` text NOT NULL,
	`latest_revision` integer NOT NULL,
	`published_revision` integer,
	`needs_review` integer DEFAULT 0 NOT NULL,
	`needs_review_reason` text,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`published_by` text
);
--> statement-breakpoint
CREATE INDEX `faq_status` ON `faq_entries` (`status`,`category`);--> statement-breakpoint
CREATE TABLE `faq_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`revision` integer NOT NULL,
	`category` text NOT NULL,
	`question_zh` text DEFAULT '' NOT NULL,
	`answer_zh` text DEFAULT '' NOT NULL,
	`question_en` text DEFAULT '' NOT NULL,
	`answer_en` text DEFAULT '' NOT NULL,
	`keywords` text NOT NULL,
	`redactions` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `faq_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `faq_revisions_entry_revision` ON `faq_revisions` (`entry_id`,`revision`);--> statement-breakpoint
CREATE TABLE `faq_sources` (
	`entry_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	PRIMARY KEY(`entry_id`, `ticket_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `faq_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `faq_sources_ticket` ON `faq_sources` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`ticket_id` text,
	`voucher_id` text,
	`data` text NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`,`at`);--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`type` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket` ON `ticket_events` (`ticket_id`,`at`,`id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`callback_id` text,
	`attempt_id` text,
	`subject` text NOT NULL,
	`category` text NOT NULL,
	`priority` text NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`assignee_id` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	`first_responded_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`calendar_version_id` text,
	`policy_id` text,
	`next_due_at` integer,
	`next_warn_at` integer,
	`first_response_status` text NOT NULL,
	`resolution_status` text NOT NULL,
	`first_response_minutes` real,
	`resolution_minutes` real,
	`breached` integer DEFAULT 0 NOT NULL,
	`escalated` integer DEFAULT 0 NOT NULL,
	`derived` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tickets_status_due` ON `tickets` (`status`,`next_due_at`);--> statement-breakpoint
CREATE INDEX `tickets_assignee` ON `tickets` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_customer` ON `tickets` (`customer_id`);--> statement-breakpoint
CREATE INDEX `tickets_created` ON `tickets` (`created_at`,`category`);--> statement-breakpoint
CREATE INDEX `tickets_resolved` ON `tickets` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `voucher_events` (
	`id` text PRIMARY KEY NOT NULL,
	`voucher_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voucher_events_voucher` ON `voucher_events` (`voucher_id`,`at`);--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`request_key` text NOT NULL,
	`kind` text NOT NULL,
	`percent_off` integer,
	`amount_fen` integer,
	`points` integer,
	`value_fen` integer NOT NULL,
	`reason_code` text NOT NULL,
	`customer_id` text NOT NULL,
	`ticket_id` text,
	`note` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`issued_at` integer,
	`expires_at` integer NOT NULL,
	`redeemed_at` integer,
	`voided_at` integer,
	`state_reason` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_code_unique` ON `vouchers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_request_key_unique` ON `vouchers` (`request_key`);--> statement-breakpoint
CREATE INDEX `vouchers_state` ON `vouchers` (`state`,`requested_at`);--> statement-breakpoint
CREATE INDEX `vouchers_customer` ON `vouchers` (`customer_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `vouchers_ticket` ON `vouchers` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `vouchers_issued` ON `vouchers` (`issued_at`,`requested_by`);--> statement-breakpoint
ALTER TABLE `call_attempts` ADD `reason` text;--> statement-breakpoint
UPDATE `call_attempts` SET `reason` = (SELECT `reason` FROM `callbacks` WHERE `callbacks`.`id` = `call_attempts`.`callback_id`);--> statement-breakpoint
CREATE INDEX `attempts_report` ON `call_attempts` (`started_at`,`reason`,`agent_id`,`disposition`);--> statement-breakpoint
ALTER TABLE `callbacks` ADD `ticket_id` text;--> statement-breakpoint
CREATE INDEX `callbacks_created_at` ON `callbacks` (`created_at`);--> statement-breakpoint
CREATE INDEX `callbacks_ticket` ON `callbacks` (`ticket_id`) WHERE ticket_id IS NOT NULL;