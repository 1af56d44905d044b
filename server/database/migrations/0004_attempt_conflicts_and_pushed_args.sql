ALTER TABLE "call_attempts" ADD COLUMN "lease_conflict" text;--> statement-breakpoint
ALTER TABLE "sync_mutations" ADD COLUMN "args" jsonb NOT NULL;