/*
 * What a refusal says in codes, beside its words. No zod here: the dashboard switches on these codes
 * (and may read the table as values, `@muster/contracts/refusals`) without pulling the schemas in.
 * A code, once published, keeps its meaning; docs/API.md lists every one.
 */

/** The sections of the case page a refusal can send the user to (the ids of those sections). */
export const applicationSections = ['details', 'eligibility', 'interview', 'checks', 'induction', 'mentoring', 'notes'] as const;
export type ApplicationSection = (typeof applicationSections)[number];

/**
 * Every refusal code, with the case page section whose form fixes it (null: no form does; the
 * refusal is about the move or the request itself). Dotted: `<area>.<what is wrong>`.
 */
export const refusalSections = {
  // review → interview
  'eligibility.not_recorded': 'eligibility',
  'eligibility.criterion_not_recorded': 'eligibility',
  'eligibility.criterion_not_met': 'eligibility',
  'eligibility.psd_records_not_received': 'eligibility',
  'eligibility.psd_outcome_missing': 'eligibility',
  'eligibility.oh_records_not_received': 'eligibility',
  'eligibility.oh_outcome_missing': 'eligibility',
  'eligibility.misconduct_not_recorded': 'eligibility',
  'eligibility.exception_needed': 'eligibility',
  'eligibility.force_not_home_office': 'eligibility',
  'eligibility.rank_not_constable': 'eligibility',
  'eligibility.probation_incomplete': 'eligibility',
  'eligibility.no_target_unit': 'eligibility',
  // the force's records and misconduct as one condition, to a reader not shown them (need to know)
  'eligibility.force_records': 'eligibility',
  'eligibility.unit_criterion_not_recorded': 'eligibility',
  'eligibility.unit_criterion_not_met': 'eligibility',
  'eligibility.tsg_mentor_missing': 'eligibility',
  'eligibility.tsg_base_visit_missing': 'eligibility',
  // interview → pre_employment
  'interview.not_recorded': 'interview',
  'interview.failed': 'interview',
  // pre_employment → induction
  'checks.not_passed': 'checks',
  // induction → mentoring
  'induction.not_booked': 'induction',
  'induction.posting_unit_mismatch': 'induction',
  'induction.start_before_notice': 'induction',
  // mentoring → onboarded
  'mentoring.no_mentor': 'mentoring',
  'mentoring.no_buddy': 'mentoring',

  // booking an interview into a slot (PRECONDITION_FAILED, every reason at once)
  'booking.slot_taken': null,
  'booking.slot_withdrawn': null,
  'booking.slot_in_past': null,
  'booking.slot_other_unit': null,
  'booking.case_not_at_interview': null,
  'booking.candidate_already_booked': null,
  'booking.panel_clash': null,
  'booking.panel_daily_maximum': null,
  'booking.tsg_pre_assessment': 'eligibility',
  // scorecards and the panel's outcome
  'scorecards.score_missing': 'interview',
  'scorecards.criterion_unknown': 'interview',
  'scorecards.not_on_panel': null,
  'scorecards.not_yet': null,
  'scorecards.no_interview': null,
  'scorecards.none_submitted': 'interview',
  // publishing, editing and withdrawing slots
  'slots.in_past': null,
  'slots.unit_not_led': null,
  'slots.booked': null,
  'slots.panel_unknown': null,
  'slots.venue_unknown': null,
  'slots.too_many': null,
  'venues.already_listed': null,
  'users.not_a_panellist': null,

  // a move that is not one (PRECONDITION_FAILED)
  'move.already_there': null,
  'move.pipeline_finished': null,
  'move.reopen_elsewhere': null,
  'move.not_one_stage': null,
  // a record made at a stage where it cannot be (PRECONDITION_FAILED)
  'action.wrong_stage': null,
  'action.wrong_unit': null,
  'triage.case_not_open': null,
  // merging a possible duplicate (PRECONDITION_FAILED)
  'duplicates.merge_not_at_review': null,
  'duplicates.kept_case_closed': null,

  // field errors (BAD_REQUEST, `fieldCodes` beside `fieldErrors`)
  'move.listed_reason_missing': null,
  'move.listed_reason_unknown': null,
  'move.reason_missing': null,
  'details.force_unknown': 'details',
  'details.route_locked': 'details',
  'details.unchanged': 'details',
  'details.force_is_met': 'details',
  'details.cohort_year_not_police_now': 'details',
  'details.cohort_year_before_programme': 'details',
  'details.cohort_year_after_next_intake': 'details',
  'eligibility.unknown_criteria': 'eligibility',
  'tsg.mentor_unknown': 'eligibility',
  'tsg.mentor_not_tsg': 'eligibility',
  'eligibility.unknown_unit_criteria': 'eligibility',
  'exception.nothing_to_approve': 'eligibility',
  'exception.already_approved': 'eligibility',
  'checks.unknown_check': 'checks',
  'checks.not_applicable': 'checks',
  'checks.level_required': 'checks',
  'checks.level_not_applicable': 'checks',
  'checks.level_too_low': 'checks',
  'checks.expiry_required': 'checks',
  'checks.expiry_passed': 'checks',
  'checks.requested_in_future': 'checks',
  'checks.not_requested': 'checks',
  'checks.not_at_pre_employment': 'checks',
  'induction.course_unknown': 'induction',
  'induction.course_full': 'induction',
  'induction.place_not_of_unit': 'induction',
  'induction.start_before_course': 'induction',
  'induction.course_cancelled': 'induction',
  // booking through courses.book, its waiting list, and attendance (courses.recordAttendance)
  'induction.role_missing': 'induction',
  'induction.role_not_of_unit': 'induction',
  'induction.already_booked': 'induction',
  'induction.already_waiting': 'induction',
  'induction.course_has_room': 'induction',
  'induction.course_not_started': 'induction',
  'induction.attendance_recorded': 'induction',
  // keeping induction courses (courses.*): field errors, and refusals of the course's state
  'courses.starts_in_past': null,
  'courses.place_length': null,
  'courses.capacity_out_of_range': null,
  'courses.capacity_below_booked': null,
  'courses.after_joiner_start': null,
  'courses.already_started': null,
  'courses.cancelled': null,
  'courses.joiners_moved_on': null,
  // development days (developmentDays.*): field errors, and refusals of the day's state
  'development_days.held_in_past': null,
  'development_days.place_length': null,
  'development_days.title_length': null,
  'development_days.already_held': null,
  'development_days.cancelled': null,
  'development_days.not_yet_held': null,
  'development_days.not_invited': null,
  'development_days.reason_needed': null,
  'mentor.same_as_buddy': 'mentoring',
  'mentor.not_in_pool': 'mentoring',
  'mentor.at_capacity': 'mentoring',
  'mentor.paused': 'mentoring',
  'mentor.wrong_kind': 'mentoring',
  'mentor.interviewed_joiner': 'mentoring',
  'mentor.unchanged': 'mentoring',
  'triage.not_a_reviewer': null,
  'triage.case_listed_twice': null,
  'page.cursor_invalid': null,
  'reasons.already_listed': null,
  // keeping the mentor and buddy pool (mentors.create, mentors.update)
  'pool.name_length': null,
  'pool.unit_unknown': null,
  'pool.place_not_of_unit': null,
  'pool.capacity_out_of_range': null,
  'pool.kind_unknown': null,
  'pool.capacity_below_load': null,
  'pool.user_unknown': null,
  'pool.unchanged': null,

  // input that fails the schema (BAD_REQUEST, `fieldCodes` beside `fieldErrors`): the kind of
  // problem, in Muster's words rather than zod's (the API's error formatter maps zod's issue codes)
  'input.wrong_type': null,
  'input.not_an_option': null,
  'input.wrong_format': null,
  'input.wrong_shape': null,
  'input.wrong_key': null,
  'input.wrong_element': null,
  'input.below_minimum': null,
  'input.above_maximum': null,
  'input.not_a_multiple': null,
  'input.unknown_field': null,
  'input.rule_not_met': null,
  'input.unstorable_text': null,

  // one case of a bulk action that could not be done (`refused[]`)
  'case.changed': null,
  'case.forbidden': null,
  'case.not_found': null,
  'case.refused': null,
} as const satisfies Record<string, ApplicationSection | null>;

export type RefusalCode = keyof typeof refusalSections;

/**
 * One thing that stands in the way: its code, the section of the case page that fixes it, and the
 * sentence a user reads. `check` names the check (`checks.not_passed`); `criterion` the criterion code
 * (`eligibility.criterion_*`, `eligibility.unit_criterion_*`).
 */
export type Unmet = {
  code: RefusalCode;
  section: ApplicationSection | null;
  message: string;
  check?: string;
  criterion?: string;
};

/** Codes by field, beside `fieldErrors` (same keys; "" is about the whole request). */
export type FieldCodes = Record<string, RefusalCode[]>;

/** One case of a bulk action that stood in the way, and why. */
export type ApplicationRefusal = { id: number; reference: string; code: RefusalCode; message: string };
