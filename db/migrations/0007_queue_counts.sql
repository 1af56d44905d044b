-- Custom migration (npx drizzle-kit generate --custom --name queue_counts): drizzle cannot declare
-- triggers. queue_counts (created by 0006 from db/schema.ts) holds the number of callbacks per state,
-- reason and priority; these triggers keep it in step with every write to callbacks, inside the
-- writing transaction, whatever code does the write.
INSERT INTO `queue_counts` (`state`, `reason`, `priority`, `n`)
  SELECT `state`, `reason`, `priority`, count(*) FROM `callbacks` GROUP BY `state`, `reason`, `priority`;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_insert` AFTER INSERT ON `callbacks` BEGIN
  INSERT INTO `queue_counts` (`state`, `reason`, `priority`, `n`) VALUES (NEW.`state`, NEW.`reason`, NEW.`priority`, 1)
    ON CONFLICT (`state`, `reason`, `priority`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_delete` AFTER DELETE ON `callbacks` BEGIN
  UPDATE `queue_counts` SET `n` = `n` - 1
    WHERE `state` = OLD.`state` AND `reason` = OLD.`reason` AND `priority` = OLD.`priority`;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_update` AFTER UPDATE OF `state`, `reason`, `priority` ON `callbacks`
  WHEN OLD.`state` IS NOT NEW.`state` OR OLD.`reason` IS NOT NEW.`reason` OR OLD.`priority` IS NOT NEW.`priority`
BEGIN
  UPDATE `queue_counts` SET `n` = `n` - 1
    WHERE `state` = OLD.`state` AND `reason` = OLD.`reason` AND `priority` = OLD.`priority`;
  INSERT INTO `queue_counts` (`state`, `reason`, `priority`, `n`) VALUES (NEW.`state`, NEW.`reason`, NEW.`priority`, 1)
    ON CONFLICT (`state`, `reason`, `priority`) DO UPDATE SET `n` = `n` + 1;
END;
