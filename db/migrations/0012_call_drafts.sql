CREATE TABLE `call_drafts` (
	`callback_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`started_at` integer,
	`disposition` text,
	`notes` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`callback_id`, `agent_id`)
);
