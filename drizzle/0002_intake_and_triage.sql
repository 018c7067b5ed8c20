CREATE TABLE `close_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`filters` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_user_name_idx` ON `saved_views` (`user_id`,`name`);--> statement-breakpoint
CREATE TABLE `duplicate_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`duplicate_of_id` integer NOT NULL,
	`matches` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolved_by` integer,
	`resolved_at` text,
	`resolution` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`duplicate_of_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duplicate_flags_status_idx` ON `duplicate_flags` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `duplicate_flags_application_idx` ON `duplicate_flags` (`application_id`);--> statement-breakpoint
CREATE INDEX `duplicate_flags_duplicate_of_idx` ON `duplicate_flags` (`duplicate_of_id`);--> statement-breakpoint
CREATE TABLE `eligibility_exceptions` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`approved_by` integer NOT NULL,
	`approved_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `unit_preferences` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `posting_preference` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `specialist_skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `assignee_id` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `applications_assignee_stage_idx` ON `applications` (`assignee_id`,`stage`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_stage_received_idx` ON `applications` (`stage`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_warrant_idx` ON `applications` (`current_force`,`warrant_number`);--> statement-breakpoint
CREATE INDEX `applications_dob_idx` ON `applications` (`date_of_birth`);--> statement-breakpoint
ALTER TABLE `eligibility_records` ADD `psd_records` text;--> statement-breakpoint
ALTER TABLE `eligibility_records` ADD `oh_records` text;--> statement-breakpoint
ALTER TABLE `eligibility_records` ADD `psd_outcome` text;--> statement-breakpoint
ALTER TABLE `eligibility_records` ADD `oh_outcome` text;--> statement-breakpoint
ALTER TABLE `eligibility_records` ADD `has_open_misconduct` integer;--> statement-breakpoint
ALTER TABLE `eligibility_records` ADD `misconduct_details` text;