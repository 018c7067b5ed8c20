-- A mentor or buddy is never given more joiners at induction or mentoring than their capacity: the
-- database refuses the assignment that would pass it, whatever the service checked before writing
-- (two coordinators giving someone their last place at the same moment). A case moving back into
-- those stages is not refused here: its joiner already had that person.
CREATE TRIGGER `applications_mentor_capacity` BEFORE UPDATE OF mentor_id ON `applications`
WHEN new.mentor_id IS NOT NULL AND new.mentor_id IS NOT old.mentor_id AND new.stage IN ('induction', 'mentoring')
  AND (SELECT count(*) FROM `applications` a
       WHERE (a.mentor_id = new.mentor_id OR a.buddy_id = new.mentor_id)
         AND a.stage IN ('induction', 'mentoring') AND a.id <> new.id)
    >= (SELECT m.capacity FROM `mentors` m WHERE m.id = new.mentor_id)
BEGIN
  SELECT RAISE(ABORT, 'mentors: that person is at capacity');
END;
--> statement-breakpoint
CREATE TRIGGER `applications_buddy_capacity` BEFORE UPDATE OF buddy_id ON `applications`
WHEN new.buddy_id IS NOT NULL AND new.buddy_id IS NOT old.buddy_id AND new.stage IN ('induction', 'mentoring')
  AND (SELECT count(*) FROM `applications` a
       WHERE (a.mentor_id = new.buddy_id OR a.buddy_id = new.buddy_id)
         AND a.stage IN ('induction', 'mentoring') AND a.id <> new.id)
    >= (SELECT m.capacity FROM `mentors` m WHERE m.id = new.buddy_id)
BEGIN
  SELECT RAISE(ABORT, 'mentors: that person is at capacity');
END;
