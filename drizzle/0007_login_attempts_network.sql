DROP INDEX `login_attempts_ip_outcome_at_idx`;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `network` text;--> statement-breakpoint
CREATE INDEX `login_attempts_network_outcome_at_idx` ON `login_attempts` (`network`,`outcome`,`at`);