ALTER TABLE `call_attempts` ADD `lease_conflict` text;--> statement-breakpoint
-- The undo triggers of call_attempts again, with the new column (scripts/gen-undo-triggers.ts).
DROP TRIGGER IF EXISTS call_attempts_undo_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS call_attempts_undo_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS call_attempts_undo_delete;
--> statement-breakpoint
CREATE TRIGGER call_attempts_undo_insert AFTER INSERT ON "call_attempts" WHEN (SELECT value FROM local_meta WHERE key = 'sync.capture') = '1' BEGIN
  INSERT INTO sync_undo (sql) VALUES ('DELETE FROM "call_attempts" WHERE rowid=' || new.rowid);
END;
--> statement-breakpoint
CREATE TRIGGER call_attempts_undo_update AFTER UPDATE ON "call_attempts" WHEN (SELECT value FROM local_meta WHERE key = 'sync.capture') = '1' BEGIN
  INSERT INTO sync_undo (sql) VALUES ('UPDATE "call_attempts" SET ' || '"id"=' || quote(old."id") || ',' || '"callback_id"=' || quote(old."callback_id") || ',' || '"customer_id"=' || quote(old."customer_id") || ',' || '"agent_id"=' || quote(old."agent_id") || ',' || '"started_at"=' || quote(old."started_at") || ',' || '"ended_at"=' || quote(old."ended_at") || ',' || '"disposition"=' || quote(old."disposition") || ',' || '"notes"=' || quote(old."notes") || ',' || '"callback_at"=' || quote(old."callback_at") || ',' || '"survey_skip_reason"=' || quote(old."survey_skip_reason") || ',' || '"reason"=' || quote(old."reason") || ',' || '"lease_conflict"=' || quote(old."lease_conflict") || ' WHERE rowid=' || old.rowid);
END;
--> statement-breakpoint
CREATE TRIGGER call_attempts_undo_delete AFTER DELETE ON "call_attempts" WHEN (SELECT value FROM local_meta WHERE key = 'sync.capture') = '1' BEGIN
  INSERT INTO sync_undo (sql) VALUES ('INSERT INTO "call_attempts" (rowid,"id","callback_id","customer_id","agent_id","started_at","ended_at","disposition","notes","callback_at","survey_skip_reason","reason","lease_conflict") VALUES (' || old.rowid || ',' || quote(old."id") || ',' || quote(old."callback_id") || ',' || quote(old."customer_id") || ',' || quote(old."agent_id") || ',' || quote(old."started_at") || ',' || quote(old."ended_at") || ',' || quote(old."disposition") || ',' || quote(old."notes") || ',' || quote(old."callback_at") || ',' || quote(old."survey_skip_reason") || ',' || quote(old."reason") || ',' || quote(old."lease_conflict") || ')');
END;
