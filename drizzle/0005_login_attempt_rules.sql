ALTER TABLE `login_attempts` ADD `rule` text;--> statement-breakpoint
CREATE INDEX `login_attempts_ip_at_idx` ON `login_attempts` (`ip`,`at`);