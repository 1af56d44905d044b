CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"content" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	CONSTRAINT "calendar_versions_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "call_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"callback_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"started_at" bigint NOT NULL,
	"ended_at" bigint NOT NULL,
	"disposition" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"callback_at" bigint,
	"survey_skip_reason" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"reason" text NOT NULL,
	"priority" bigint NOT NULL,
	"due_at" bigint,
	"state" text NOT NULL,
	"outcome" text,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"failed_attempts" bigint DEFAULT 0 NOT NULL,
	"lease_agent_id" text,
	"lease_expires_at" bigint,
	"notes" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"import_batch_id" text,
	"created_at" bigint NOT NULL,
	"closed_at" bigint,
	"timezone" text,
	"ticket_id" text
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"phone_status" text DEFAULT 'ok' NOT NULL,
	"timezone" text NOT NULL,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"city" text,
	"segment" text,
	"registered_at" bigint,
	"last_active_at" bigint,
	"txn_count_30d" bigint,
	"balance_band" text,
	"tags" text DEFAULT '[]' NOT NULL,
	"consent_service" text DEFAULT 'unknown' NOT NULL,
	"consent_survey" text DEFAULT 'unknown' NOT NULL,
	"consent_marketing" text DEFAULT 'unknown' NOT NULL,
	"dnc_until" bigint,
	"cap_until" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dnc_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"phone" text NOT NULL,
	"source" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"expires_at" bigint
);
--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"latest_revision" bigint NOT NULL,
	"published_revision" bigint,
	"needs_review" bigint DEFAULT 0 NOT NULL,
	"needs_review_reason" text,
	"created_at" bigint NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"published_at" bigint,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "faq_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"revision" bigint NOT NULL,
	"category" text NOT NULL,
	"question_zh" text DEFAULT '' NOT NULL,
	"answer_zh" text DEFAULT '' NOT NULL,
	"question_en" text DEFAULT '' NOT NULL,
	"answer_en" text DEFAULT '' NOT NULL,
	"keywords" text NOT NULL,
	"redactions" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "faq_sources" (
	"entry_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	CONSTRAINT "faq_sources_entry_id_ticket_id_pk" PRIMARY KEY("entry_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text NOT NULL,
	"total_rows" bigint NOT NULL,
	"imported" bigint NOT NULL,
	"duplicates" bigint NOT NULL,
	"invalid" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"at" bigint NOT NULL,
	"kind" text NOT NULL,
	"ticket_id" text,
	"voucher_id" text,
	"data" text NOT NULL,
	"read_at" bigint
);
--> statement-breakpoint
CREATE TABLE "script_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"script_id" text NOT NULL,
	"version" bigint NOT NULL,
	"status" text NOT NULL,
	"content" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"published_at" bigint,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "scripts" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"builtin_key" text,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" text PRIMARY KEY NOT NULL,
	"response_id" text NOT NULL,
	"question_key" text NOT NULL,
	"value" text,
	"other_text" text,
	"answered_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"callback_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"script_version_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" text,
	"type" text NOT NULL,
	"data" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text,
	"callback_id" text,
	"attempt_id" text,
	"subject" text NOT NULL,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"assignee_id" text,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"updated_at" bigint NOT NULL,
	"first_responded_at" bigint,
	"resolved_at" bigint,
	"closed_at" bigint,
	"reopen_count" bigint DEFAULT 0 NOT NULL,
	"calendar_version_id" text,
	"policy_id" text,
	"next_due_at" bigint,
	"next_warn_at" bigint,
	"first_response_status" text NOT NULL,
	"resolution_status" text NOT NULL,
	"first_response_minutes" double precision,
	"resolution_minutes" double precision,
	"breached" bigint DEFAULT 0 NOT NULL,
	"escalated" bigint DEFAULT 0 NOT NULL,
	"derived" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_events" (
	"id" text PRIMARY KEY NOT NULL,
	"voucher_id" text NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" text NOT NULL,
	"type" text NOT NULL,
	"data" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"request_key" text NOT NULL,
	"kind" text NOT NULL,
	"percent_off" bigint,
	"amount_fen" bigint,
	"points" bigint,
	"value_fen" bigint NOT NULL,
	"reason_code" text NOT NULL,
	"customer_id" text NOT NULL,
	"ticket_id" text,
	"note" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" bigint NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"issued_at" bigint,
	"expires_at" bigint NOT NULL,
	"redeemed_at" bigint,
	"voided_at" bigint,
	"state_reason" text,
	CONSTRAINT "vouchers_code_unique" UNIQUE("code"),
	CONSTRAINT "vouchers_request_key_unique" UNIQUE("request_key")
);
--> statement-breakpoint
ALTER TABLE "call_attempts" ADD CONSTRAINT "call_attempts_callback_id_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callbacks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_attempts" ADD CONSTRAINT "call_attempts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dnc_entries" ADD CONSTRAINT "dnc_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_revisions" ADD CONSTRAINT "faq_revisions_entry_id_faq_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."faq_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_sources" ADD CONSTRAINT "faq_sources_entry_id_faq_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."faq_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_sources" ADD CONSTRAINT "faq_sources_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script_versions" ADD CONSTRAINT "script_versions_script_id_scripts_id_fk" FOREIGN KEY ("script_id") REFERENCES "public"."scripts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_callback_id_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callbacks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_script_version_id_script_versions_id_fk" FOREIGN KEY ("script_version_id") REFERENCES "public"."script_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_events" ADD CONSTRAINT "voucher_events_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_subject" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "attempts_customer" ON "call_attempts" USING btree ("customer_id","started_at");--> statement-breakpoint
CREATE INDEX "attempts_callback" ON "call_attempts" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "attempts_report" ON "call_attempts" USING btree ("started_at","reason","agent_id","disposition");--> statement-breakpoint
CREATE INDEX "callbacks_queue_due" ON "callbacks" USING btree ("priority","due_at","created_at","id") WHERE state = 'open' AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "callbacks_queue_asap" ON "callbacks" USING btree ("priority","created_at","id") WHERE state = 'open' AND due_at IS NULL;--> statement-breakpoint
CREATE INDEX "callbacks_queue_zone_due" ON "callbacks" USING btree ("priority","timezone","due_at","created_at","id") WHERE state = 'open' AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "callbacks_queue_zone_asap" ON "callbacks" USING btree ("priority","timezone","created_at","id") WHERE state = 'open' AND due_at IS NULL;--> statement-breakpoint
CREATE INDEX "callbacks_customer" ON "callbacks" USING btree ("customer_id","state","reason");--> statement-breakpoint
CREATE INDEX "callbacks_lease" ON "callbacks" USING btree ("lease_agent_id","lease_expires_at") WHERE lease_agent_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "callbacks_closed_at" ON "callbacks" USING btree ("closed_at") WHERE state = 'closed';--> statement-breakpoint
CREATE INDEX "callbacks_created_at" ON "callbacks" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "callbacks_ticket" ON "callbacks" USING btree ("ticket_id") WHERE ticket_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_phone" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customers_timezone" ON "customers" USING btree ("timezone");--> statement-breakpoint
CREATE INDEX "customers_name" ON "customers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "dnc_customer" ON "dnc_entries" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "faq_status" ON "faq_entries" USING btree ("status","category");--> statement-breakpoint
CREATE UNIQUE INDEX "faq_revisions_entry_revision" ON "faq_revisions" USING btree ("entry_id","revision");--> statement-breakpoint
CREATE INDEX "faq_sources_ticket" ON "faq_sources" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","read_at","at");--> statement-breakpoint
CREATE UNIQUE INDEX "script_versions_script_version" ON "script_versions" USING btree ("script_id","version");--> statement-breakpoint
CREATE INDEX "answers_response" ON "survey_answers" USING btree ("response_id","question_key","answered_at");--> statement-breakpoint
CREATE INDEX "responses_callback" ON "survey_responses" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "responses_version" ON "survey_responses" USING btree ("script_version_id","status");--> statement-breakpoint
CREATE INDEX "responses_started" ON "survey_responses" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket" ON "ticket_events" USING btree ("ticket_id","at","id");--> statement-breakpoint
CREATE INDEX "tickets_status_due" ON "tickets" USING btree ("status","next_due_at");--> statement-breakpoint
CREATE INDEX "tickets_assignee" ON "tickets" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "tickets_customer" ON "tickets" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "tickets_created" ON "tickets" USING btree ("created_at","category");--> statement-breakpoint
CREATE INDEX "tickets_resolved" ON "tickets" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "voucher_events_voucher" ON "voucher_events" USING btree ("voucher_id","at");--> statement-breakpoint
CREATE INDEX "vouchers_state" ON "vouchers" USING btree ("state","requested_at");--> statement-breakpoint
CREATE INDEX "vouchers_customer" ON "vouchers" USING btree ("customer_id","issued_at");--> statement-breakpoint
CREATE INDEX "vouchers_ticket" ON "vouchers" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "vouchers_issued" ON "vouchers" USING btree ("issued_at","requested_by");