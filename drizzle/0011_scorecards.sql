CREATE TABLE `scorecard_criteria_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`criteria` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `scorecards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`criteria_set_id` integer NOT NULL,
	`version` integer NOT NULL,
	`scores` text NOT NULL,
	`evidence` text NOT NULL,
	`submitted_at` text NOT NULL,
	`superseded_at` text,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`criteria_set_id`) REFERENCES `scorecard_criteria_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_version` ON `scorecards` (`interview_id`,`user_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_one_current` ON `scorecards` (`interview_id`,`user_id`) WHERE superseded_at IS NULL;