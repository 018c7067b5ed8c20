CREATE TABLE `stage_counts` (
	`route` text NOT NULL,
	`target_unit` text NOT NULL,
	`stage` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`route`, `target_unit`, `stage`)
);
