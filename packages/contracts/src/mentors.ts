import { z } from 'zod';
import { ExpectedVersion, Id } from './common.ts';
import { unitCodes, type UnitCode } from './enums.ts';

/* The mentor and buddy pool, kept by coordinators (and the admin): serving Met officers joiners are given. */

/** What a person in the pool does for joiners. */
export const mentorKinds = ['mentor', 'buddy', 'both'] as const;
export type MentorKind = (typeof mentorKinds)[number];

/** The two roles a joiner is given someone for. */
export type MentorRole = 'mentor' | 'buddy';

const PersonId = z.number({ error: 'Choose a person from the pool.' }).int().positive('Choose a person from the pool.');

const PoolFields = {
  name: z
    .string({ error: 'Enter their name.' })
    .trim()
    .min(2, 'Enter their name, at least 2 characters, for example “PC Sam Lee”.')
    .max(100, 'Keep their name under 100 characters.'),
  unit: z.enum(unitCodes, { error: 'Choose the unit they serve in.' }),
  place: z
    .string({ error: 'Choose the place they work from.' })
    .trim()
    .min(1, 'Choose the place they work from.')
    .max(100, 'Choose the place they work from.'),
  capacity: z
    .number({ error: 'Enter how many joiners they can take at once, as a number.' })
    .int('Enter a whole number of joiners.')
    .min(1, 'They must be able to take at least 1 joiner.')
    .max(20, 'At most 20 joiners at once.'),
  kind: z.enum(mentorKinds, { error: 'Choose whether they mentor, buddy, or both.' }),
  /** Their Muster account, if they have one: never suggested for a joiner they interviewed. */
  userId: z.number({ error: 'Choose their Muster account, or none.' }).int().positive().nullable(),
};

/** A new person in the pool: active, not paused. */
export const CreateMentorInput = z.object({ ...PoolFields, userId: PoolFields.userId.default(null) });
export type CreateMentorInput = z.infer<typeof CreateMentorInput>;

/**
 * A person as they should now be, at the version read: a change of details, a pause (`isPaused`:
 * takes no one new) or its end, retiring (`isActive` false) or bringing them back. `userId` left out
 * keeps their account link as it is.
 */
export const UpdateMentorInput = z.object({
  id: PersonId,
  expectedVersion: ExpectedVersion,
  ...PoolFields,
  userId: PoolFields.userId.optional(),
  isPaused: z.boolean({ error: 'Say whether they are paused.' }),
  isActive: z.boolean({ error: 'Say whether they are in the pool or retired.' }),
});
export type UpdateMentorInput = z.infer<typeof UpdateMentorInput>;

export const MentorsListInput = z
  .object({
    unit: z.enum(unitCodes, { error: 'Choose a unit from the list.' }).optional(),
    /** Retired people too (by default only those in the pool). */
    includeRetired: z.boolean().optional(),
  })
  .default({});
export type MentorsListInput = z.infer<typeof MentorsListInput>;

export const SuggestMentorsInput = z.object({ applicationId: Id });
export type SuggestMentorsInput = z.infer<typeof SuggestMentorsInput>;

/* ---- outputs ---- */

/** A person in the pool, with their load: the open cases (induction, mentoring) that have them as mentor or buddy. */
export type PoolPerson = {
  id: number;
  name: string;
  unit: UnitCode;
  place: string;
  capacity: number;
  kind: MentorKind;
  /** Takes no one new for now; keeps the joiners they have. */
  isPaused: boolean;
  /** False: retired from the pool (kept for the history). */
  isActive: boolean;
  load: number;
  /** Below capacity: may take another joiner. */
  hasRoom: boolean;
  version: number;
  /** Their Muster account, if linked. */
  userId: number | null;
};

/** Why someone in the pool is not suggested for a joiner. */
export const poolExclusions = [
  'retired',
  'paused',
  'at_capacity',
  'mentor_only',
  'buddy_only',
  'interviewed_joiner',
  'is_mentor',
  'is_buddy',
] as const;
export type PoolExclusion = (typeof poolExclusions)[number];

/**
 * Whom to offer a joiner as mentor and as buddy, best first, and who in the pool is offered for
 * neither, with why (`mentors.suggest`).
 */
export type MentorSuggestions = {
  mentor: PoolPerson[];
  buddy: PoolPerson[];
  excluded: { id: number; name: string; why: PoolExclusion }[];
};

/** What a write to the pool answers: the person as now saved, and the server's words for it. */
export type PoolChange = {
  person: PoolPerson;
  /** "PC Sam Lee retired from the pool. 2 joiners still have them: give them someone else." */
  summary: string;
  /** Open cases (induction, mentoring) that still have them as mentor or buddy: the same as `person.load`. */
  joinersStillAssigned: number;
};
