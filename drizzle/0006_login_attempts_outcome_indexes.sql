DROP INDEX `login_attempts_email_at_idx`;--> statement-breakpoint
DROP INDEX `login_attempts_ip_at_idx`;--> statement-breakpoint
CREATE INDEX `login_attempts_email_outcome_at_idx` ON `login_attempts` (`email`,`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_ip_outcome_at_idx` ON `login_attempts` (`ip`,`outcome`,`at`);