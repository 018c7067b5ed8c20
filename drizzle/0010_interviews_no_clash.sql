-- No one sits on two interviews at once, nor on more than their daily maximum: the database refuses
-- the seat, whatever a service checked before writing it (two bookings at the same moment).
CREATE TRIGGER `panel_seats_no_overlap` BEFORE INSERT ON `panel_seats`
WHEN EXISTS (
  SELECT 1 FROM `panel_seats` s
  WHERE s.user_id = new.user_id AND s.starts_at < new.ends_at AND new.starts_at < s.ends_at
)
BEGIN
  SELECT RAISE(ABORT, 'panel_seats: this person already sits on an overlapping interview');
END;
--> statement-breakpoint
CREATE TRIGGER `panel_seats_daily_maximum` BEFORE INSERT ON `panel_seats`
WHEN (SELECT count(*) FROM `panel_seats` s WHERE s.user_id = new.user_id AND s.day = new.day)
  >= (SELECT u.max_interviews_per_day FROM `users` u WHERE u.id = new.user_id)
BEGIN
  SELECT RAISE(ABORT, 'panel_seats: this person has reached their most interviews in a day');
END;
--> statement-breakpoint
CREATE TRIGGER `panel_seats_no_update` BEFORE UPDATE ON `panel_seats` BEGIN
  SELECT RAISE(ABORT, 'panel_seats: delete the seat and insert it again');
END;
--> statement-breakpoint
-- A booked slot keeps its times: its seats copy them.
CREATE TRIGGER `interview_slots_no_move_when_booked` BEFORE UPDATE OF starts_at, ends_at ON `interview_slots`
WHEN EXISTS (SELECT 1 FROM `interviews` i WHERE i.slot_id = old.id AND i.status <> 'cancelled')
BEGIN
  SELECT RAISE(ABORT, 'interview_slots: a booked slot cannot change its times');
END;
