CREATE TABLE `check_types` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit_code` text,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `forces` (
	`name` text PRIMARY KEY NOT NULL,
	`is_met` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `induction_courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`starts_on` text NOT NULL,
	`place` text NOT NULL,
	`capacity` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mentors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit_code` text NOT NULL,
	`place` text NOT NULL,
	`capacity` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `places` (
	`unit_code` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`unit_code`, `name`),
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programmes` (
	`route` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`years` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`user_id` integer,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `login_attempts_email_at_idx` ON `login_attempts` (`email`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_units` (
	`user_id` integer NOT NULL,
	`unit_code` text NOT NULL,
	PRIMARY KEY(`user_id`, `unit_code`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_log_application_idx` ON `access_log` (`application_id`);--> statement-breakpoint
CREATE INDEX `access_log_user_idx` ON `access_log` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `application_checks` (
	`application_id` integer NOT NULL,
	`check_code` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`application_id`, `check_code`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_code`) REFERENCES `check_types`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`actor_id` integer,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`from_stage` text,
	`to_stage` text,
	`reason` text,
	`details` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_application_idx` ON `application_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`route` text NOT NULL,
	`cohort_year` integer,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`date_of_birth` text NOT NULL,
	`current_force` text,
	`rank` text,
	`warrant_number` text,
	`joined_force_on` text,
	`target_unit` text,
	`stage` text NOT NULL,
	`stage_entered_at` text NOT NULL,
	`closed_from_stage` text,
	`close_reason` text,
	`final_offer_at` text,
	`mentor_id` integer,
	`buddy_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`received_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`current_force`) REFERENCES `forces`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_unit`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buddy_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_reference_unique` ON `applications` (`reference`);--> statement-breakpoint
CREATE INDEX `applications_stage_entered_idx` ON `applications` (`stage`,`stage_entered_at`);--> statement-breakpoint
CREATE INDEX `applications_unit_stage_entered_idx` ON `applications` (`target_unit`,`stage`,`stage_entered_at`);--> statement-breakpoint
CREATE INDEX `applications_route_stage_idx` ON `applications` (`route`,`stage`);--> statement-breakpoint
CREATE INDEX `applications_email_idx` ON `applications` (`email`);--> statement-breakpoint
CREATE INDEX `applications_mentor_idx` ON `applications` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `applications_buddy_idx` ON `applications` (`buddy_id`);--> statement-breakpoint
CREATE TABLE `eligibility_records` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`criteria` text NOT NULL,
	`unit_criteria` text NOT NULL,
	`tsg_mentor_name` text,
	`has_tsg_base_visit` integer DEFAULT false NOT NULL,
	`notes` text,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `induction_bookings` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`course_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`posting_unit` text NOT NULL,
	`posting_place` text NOT NULL,
	`booked_by` integer NOT NULL,
	`booked_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `induction_courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posting_unit`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `induction_bookings_course_idx` ON `induction_bookings` (`course_id`);--> statement-breakpoint
CREATE TABLE `interview_outcomes` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`scores` text NOT NULL,
	`notes` text,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
