DROP INDEX "callbacks_queue_due";--> statement-breakpoint
DROP INDEX "callbacks_queue_asap";--> statement-breakpoint
DROP INDEX "callbacks_queue_zone_due";--> statement-breakpoint
DROP INDEX "callbacks_queue_zone_asap";--> statement-breakpoint
DROP INDEX "callbacks_lease";--> statement-breakpoint
DROP INDEX "callbacks_closed_at";--> statement-breakpoint
DROP INDEX "callbacks_created_at";--> statement-breakpoint
-- Hand-added: room on each page for the new version of an updated row, so a lease or a release
-- (neither touches an indexed column now) is a heap-only update that rewrites no index.
ALTER TABLE "callbacks" SET (fillfactor = 80);