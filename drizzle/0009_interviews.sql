CREATE TABLE `interview_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_code` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`venue_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interview_slots_unit_start_idx` ON `interview_slots` (`unit_code`,`starts_at`);--> statement-breakpoint
CREATE INDEX `interview_slots_start_idx` ON `interview_slots` (`starts_at`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`calendar_uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`booked_by` integer NOT NULL,
	`booked_at` text NOT NULL,
	`ended_reason` text,
	FOREIGN KEY (`slot_id`) REFERENCES `interview_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interviews_one_per_slot` ON `interviews` (`slot_id`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `interviews_one_booked_per_case` ON `interviews` (`application_id`) WHERE status = 'booked';--> statement-breakpoint
CREATE INDEX `interviews_application_idx` ON `interviews` (`application_id`);--> statement-breakpoint
CREATE TABLE `panel_seats` (
	`interview_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`interview_id`, `user_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panel_seats_user_start_idx` ON `panel_seats` (`user_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `slot_panel` (
	`slot_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`slot_id`, `user_id`),
	FOREIGN KEY (`slot_id`) REFERENCES `interview_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `slot_panel_user_idx` ON `slot_panel` (`user_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`unit_code` text,
	`is_active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `venues_name_unique` ON `venues` (`name`);--> statement-breakpoint
ALTER TABLE `users` ADD `max_interviews_per_day` integer DEFAULT 4 NOT NULL;