CREATE TABLE `tsg_pre_assessments` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`mentor_id` integer,
	`has_base_visit` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- What reviewers typed into the eligibility form moves here: the mentor kept only where the name is a
-- TSG officer in the pool (free text cannot name anyone else), the base visit as it was.
INSERT INTO `tsg_pre_assessments` (`application_id`, `mentor_id`, `has_base_visit`, `recorded_by`, `recorded_at`)
SELECT e.`application_id`,
  (SELECT m.`id` FROM `mentors` m WHERE m.`unit_code` = 'TSG' AND m.`name` = e.`tsg_mentor_name` ORDER BY m.`id` LIMIT 1),
  e.`has_tsg_base_visit`, e.`recorded_by`, e.`recorded_at`
FROM `eligibility_records` e
WHERE e.`tsg_mentor_name` IS NOT NULL OR e.`has_tsg_base_visit` = 1;--> statement-breakpoint
ALTER TABLE `eligibility_records` DROP COLUMN `tsg_mentor_name`;--> statement-breakpoint
ALTER TABLE `eligibility_records` DROP COLUMN `has_tsg_base_visit`;