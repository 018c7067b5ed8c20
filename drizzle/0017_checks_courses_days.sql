CREATE TABLE `check_chasers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`check_code` text NOT NULL,
	`chased_at` text NOT NULL,
	`chased_by` integer NOT NULL,
	`to_whom` text NOT NULL,
	`message_id` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_code`) REFERENCES `check_types`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chased_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_chasers_application_idx` ON `check_chasers` (`application_id`,`check_code`);--> statement-breakpoint
CREATE TABLE `development_day_invitations` (
	`day_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`invited_at` text NOT NULL,
	`attendance` text,
	`attendance_reason` text,
	`recorded_by` integer,
	`recorded_at` text,
	PRIMARY KEY(`day_id`, `application_id`),
	FOREIGN KEY (`day_id`) REFERENCES `development_days`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `development_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`held_on` text NOT NULL,
	`place` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `induction_waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`added_at` text NOT NULL,
	`added_by` integer NOT NULL,
	`offered_at` text,
	FOREIGN KEY (`course_id`) REFERENCES `induction_courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `induction_waitlist_one_per_case` ON `induction_waitlist` (`course_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `induction_waitlist_course_idx` ON `induction_waitlist` (`course_id`,`id`);--> statement-breakpoint
ALTER TABLE `application_checks` ADD `requested_at` text;--> statement-breakpoint
ALTER TABLE `application_checks` ADD `due_on` text;--> statement-breakpoint
ALTER TABLE `application_checks` ADD `level` text;--> statement-breakpoint
ALTER TABLE `application_checks` ADD `expires_on` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `conditional_offer_at` text;--> statement-breakpoint
ALTER TABLE `induction_bookings` ADD `posting_role` text;--> statement-breakpoint
ALTER TABLE `induction_bookings` ADD `attendance` text;--> statement-breakpoint
ALTER TABLE `induction_bookings` ADD `attendance_reason` text;