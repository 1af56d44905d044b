-- Row images become json (generated), and the capture trigger writes them with to_json (hand-written:
-- drizzle cannot declare functions). Images already stored keep their content as jsonb printed it.
ALTER TABLE "sync_changes" ALTER COLUMN "row" SET DATA TYPE json;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sync_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  team text := coalesce(current_setting('sync.team', true), '');
  v bigint := nullif(current_setting('sync.version', true), '')::bigint;
  image json;
  key text;
BEGIN
  IF v IS NULL THEN
    v := sync_begin(team);
  END IF;
  IF TG_OP = 'DELETE' THEN
    image := to_json(OLD);
  ELSE
    image := to_json(NEW);
  END IF;
  IF TG_NARGS = 1 THEN
    key := image ->> TG_ARGV[0];
  ELSE
    key := json_build_array(image ->> TG_ARGV[0], image ->> TG_ARGV[1])::text;
  END IF;
  IF TG_OP = 'DELETE' THEN
    image := NULL;
  END IF;
  INSERT INTO sync_changes (team_id, table_name, pk, version, row) VALUES (team, TG_TABLE_NAME, key, v, image)
  ON CONFLICT (team_id, table_name, pk) DO UPDATE SET version = excluded.version, row = excluded.row;
  RETURN NULL;
END $$;
