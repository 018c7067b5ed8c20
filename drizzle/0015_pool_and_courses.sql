ALTER TABLE `induction_courses` ADD `status` text DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE `induction_courses` ADD `cancel_reason` text;--> statement-breakpoint
ALTER TABLE `induction_courses` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `mentors` ADD `kind` text DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE `mentors` ADD `is_paused` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `mentors` ADD `user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `mentors` ADD `version` integer DEFAULT 1 NOT NULL;