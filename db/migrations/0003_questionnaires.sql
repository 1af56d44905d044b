CREATE TABLE `script_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`script_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`published_at` integer,
	`published_by` text,
	FOREIGN KEY (`script_id`) REFERENCES `scripts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `script_versions_script_version` ON `script_versions` (`script_id`,`version`);--> statement-breakpoint
CREATE TABLE `scripts` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`builtin_key` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`retired_at` integer
);
--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`response_id` text NOT NULL,
	`question_key` text NOT NULL,
	`value` text,
	`other_text` text,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answers_response` ON `survey_answers` (`response_id`,`question_key`,`answered_at`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`callback_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`script_version_id` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`callback_id`) REFERENCES `callbacks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`script_version_id`) REFERENCES `script_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `responses_callback` ON `survey_responses` (`callback_id`);--> statement-breakpoint
CREATE INDEX `responses_version` ON `survey_responses` (`script_version_id`,`status`);--> statement-breakpoint
CREATE INDEX `responses_started` ON `survey_responses` (`started_at`);--> statement-breakpoint
ALTER TABLE `call_attempts` ADD `survey_skip_reason` text;