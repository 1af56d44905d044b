-- Change capture for sync (hand-written: drizzle cannot declare functions or triggers).
-- Every write to a shared table records the row's newest image (or a tombstone) in sync_changes under
-- the writing transaction's team and version, in the same transaction. The version is taken once per
-- transaction by bumping the team's counter row, whose lock is held until commit: transactions of one
-- team commit in version order, so a reader's cursor can never pass a version that commits later.
-- A transaction names its team with set_config('sync.team', …, true); writes outside any team (tools,
-- tests) land in the '' partition, which no console is ever served.
CREATE FUNCTION sync_begin(team text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  INSERT INTO sync_teams (team_id, version) VALUES (team, 1)
  ON CONFLICT (team_id) DO UPDATE SET version = sync_teams.version + 1
  RETURNING version INTO v;
  PERFORM set_config('sync.team', team, true);
  PERFORM set_config('sync.version', v::text, true);
  RETURN v;
END $$;
--> statement-breakpoint
CREATE FUNCTION sync_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  team text := coalesce(current_setting('sync.team', true), '');
  v bigint := nullif(current_setting('sync.version', true), '')::bigint;
  image jsonb;
  key text;
BEGIN
  IF v IS NULL THEN
    v := sync_begin(team);
  END IF;
  IF TG_OP = 'DELETE' THEN
    image := to_jsonb(OLD);
  ELSE
    image := to_jsonb(NEW);
  END IF;
  IF TG_NARGS = 1 THEN
    key := image ->> TG_ARGV[0];
  ELSE
    key := jsonb_build_array(image ->> TG_ARGV[0], image ->> TG_ARGV[1])::text;
  END IF;
  IF TG_OP = 'DELETE' THEN
    image := NULL;
  END IF;
  INSERT INTO sync_changes (team_id, table_name, pk, version, row) VALUES (team, TG_TABLE_NAME, key, v, image)
  ON CONFLICT (team_id, table_name, pk) DO UPDATE SET version = excluded.version, row = excluded.row;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_sync AFTER INSERT OR UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER calendar_versions_sync AFTER INSERT OR UPDATE OR DELETE ON calendar_versions FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER call_attempts_sync AFTER INSERT OR UPDATE OR DELETE ON call_attempts FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER callbacks_sync AFTER INSERT OR UPDATE OR DELETE ON callbacks FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER customers_sync AFTER INSERT OR UPDATE OR DELETE ON customers FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER dnc_entries_sync AFTER INSERT OR UPDATE OR DELETE ON dnc_entries FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER faq_entries_sync AFTER INSERT OR UPDATE OR DELETE ON faq_entries FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER faq_revisions_sync AFTER INSERT OR UPDATE OR DELETE ON faq_revisions FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER faq_sources_sync AFTER INSERT OR UPDATE OR DELETE ON faq_sources FOR EACH ROW EXECUTE FUNCTION sync_capture('entry_id', 'ticket_id');
--> statement-breakpoint
CREATE TRIGGER import_batches_sync AFTER INSERT OR UPDATE OR DELETE ON import_batches FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER notifications_sync AFTER INSERT OR UPDATE OR DELETE ON notifications FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER script_versions_sync AFTER INSERT OR UPDATE OR DELETE ON script_versions FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER scripts_sync AFTER INSERT OR UPDATE OR DELETE ON scripts FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER settings_sync AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION sync_capture('key');
--> statement-breakpoint
CREATE TRIGGER survey_answers_sync AFTER INSERT OR UPDATE OR DELETE ON survey_answers FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER survey_responses_sync AFTER INSERT OR UPDATE OR DELETE ON survey_responses FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER ticket_events_sync AFTER INSERT OR UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER tickets_sync AFTER INSERT OR UPDATE OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER users_sync AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER voucher_events_sync AFTER INSERT OR UPDATE OR DELETE ON voucher_events FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
CREATE TRIGGER vouchers_sync AFTER INSERT OR UPDATE OR DELETE ON vouchers FOR EACH ROW EXECUTE FUNCTION sync_capture('id');
--> statement-breakpoint
