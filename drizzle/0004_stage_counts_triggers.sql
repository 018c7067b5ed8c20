-- The board's counts, kept by triggers: one row per (route, target unit, stage), '' for no target unit
-- (so the primary key holds: NULLs would never conflict). A case counts in exactly one row at a time.
INSERT INTO `stage_counts` (`route`, `target_unit`, `stage`, `count`)
  SELECT `route`, coalesce(`target_unit`, ''), `stage`, count(*) FROM `applications` GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `stage_counts_ai` AFTER INSERT ON `applications` BEGIN
  INSERT INTO `stage_counts` (`route`, `target_unit`, `stage`, `count`)
  VALUES (new.`route`, coalesce(new.`target_unit`, ''), new.`stage`, 1)
  ON CONFLICT (`route`, `target_unit`, `stage`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stage_counts_ad` AFTER DELETE ON `applications` BEGIN
  UPDATE `stage_counts` SET `count` = `count` - 1
  WHERE `route` = old.`route` AND `target_unit` = coalesce(old.`target_unit`, '') AND `stage` = old.`stage`;
END;
--> statement-breakpoint
CREATE TRIGGER `stage_counts_au` AFTER UPDATE OF `route`, `target_unit`, `stage` ON `applications`
WHEN old.`route` IS NOT new.`route` OR old.`target_unit` IS NOT new.`target_unit` OR old.`stage` IS NOT new.`stage`
BEGIN
  UPDATE `stage_counts` SET `count` = `count` - 1
  WHERE `route` = old.`route` AND `target_unit` = coalesce(old.`target_unit`, '') AND `stage` = old.`stage`;
  INSERT INTO `stage_counts` (`route`, `target_unit`, `stage`, `count`)
  VALUES (new.`route`, coalesce(new.`target_unit`, ''), new.`stage`, 1)
  ON CONFLICT (`route`, `target_unit`, `stage`) DO UPDATE SET `count` = `count` + 1;
END;
