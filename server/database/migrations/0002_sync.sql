CREATE TABLE "sync_changes" (
	"team_id" text NOT NULL,
	"table_name" text NOT NULL,
	"pk" text NOT NULL,
	"version" bigint NOT NULL,
	"row" jsonb,
	CONSTRAINT "sync_changes_team_id_table_name_pk_pk" PRIMARY KEY("team_id","table_name","pk")
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"last_mutation_id" bigint NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_mutations" (
	"client_id" text NOT NULL,
	"mutation_id" bigint NOT NULL,
	"name" text NOT NULL,
	"author_id" text NOT NULL,
	"ok" boolean NOT NULL,
	"version" bigint,
	"error_code" text,
	"error_message" text,
	"error_details" jsonb,
	"client_time" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	CONSTRAINT "sync_mutations_client_id_mutation_id_pk" PRIMARY KEY("client_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "sync_teams" (
	"team_id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"compacted_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sync_changes_cursor" ON "sync_changes" USING btree ("team_id","version","table_name","pk");--> statement-breakpoint
CREATE INDEX "sync_mutations_refused" ON "sync_mutations" USING btree ("client_id","ok","mutation_id");