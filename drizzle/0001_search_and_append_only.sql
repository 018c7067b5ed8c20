-- Text search over name, email and force: an FTS5 trigram index kept in step by triggers.
CREATE VIRTUAL TABLE `applications_search` USING fts5(
  `first_name`, `last_name`, `email`, `current_force`,
  content='applications', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `applications_search_ai` AFTER INSERT ON `applications` BEGIN
  INSERT INTO `applications_search`(rowid, first_name, last_name, email, current_force)
  VALUES (new.id, new.first_name, new.last_name, new.email, coalesce(new.current_force, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `applications_search_ad` AFTER DELETE ON `applications` BEGIN
  INSERT INTO `applications_search`(`applications_search`, rowid, first_name, last_name, email, current_force)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, coalesce(old.current_force, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `applications_search_au` AFTER UPDATE OF first_name, last_name, email, current_force ON `applications` BEGIN
  INSERT INTO `applications_search`(`applications_search`, rowid, first_name, last_name, email, current_force)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, coalesce(old.current_force, ''));
  INSERT INTO `applications_search`(rowid, first_name, last_name, email, current_force)
  VALUES (new.id, new.first_name, new.last_name, new.email, coalesce(new.current_force, ''));
END;
--> statement-breakpoint
-- History is append-only: the database itself refuses to change or remove an event or an access record.
CREATE TRIGGER `application_events_no_update` BEFORE UPDATE ON `application_events` BEGIN
  SELECT RAISE(ABORT, 'application_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `application_events_no_delete` BEFORE DELETE ON `application_events` BEGIN
  SELECT RAISE(ABORT, 'application_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log` BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_no_delete` BEFORE DELETE ON `access_log` BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
