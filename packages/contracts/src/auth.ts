import { z } from 'zod';
import { Role, UnitCode, unitScopedRoles } from './enums.ts';

export const LoginInput = z.object({
  email: z.email({ error: 'Enter your email address.' }).trim().toLowerCase(),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Password = z.string().min(12, 'Use a password of at least 12 characters.').max(200);

export const CreateUserInput = z
  .object({
    email: z.email().trim().toLowerCase(),
    name: z.string().trim().min(1).max(100),
    role: Role,
    units: z.array(UnitCode).default([]),
    password: Password,
  })
  .refine((v) => !(unitScopedRoles as readonly string[]).includes(v.role) || v.units.length > 0, {
    message: 'A unit lead or panel member needs at least one unit.',
    path: ['units'],
  });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** Who is signed in. */
export type Me = { id: number; email: string; name: string; role: Role; units: UnitCode[] };

/** The parts of the app a user may use, for navigation; the server refuses the rest whatever the dashboard shows. */
export type Capabilities = {
  /** Create an application by hand. */
  createApplication: boolean;
  /** The triage queue, imports and duplicates. */
  intake: boolean;
  /** Close reasons and the access log. */
  admin: boolean;
  /** The pipeline board and the case list (a panel member reaches cases only through their interviews). */
  board: boolean;
  /** The interviews page: their agenda, and slots. */
  interviews: boolean;
  /** The courses page: add, change and cancel induction courses (coordinators and the admin). */
  courses: boolean;
  /** The coordinator's home and the development days: joiners waiting, courses, the pool's loads (coordinators, resourcing, the admin). */
  coordination: boolean;
  /** Where the user lands on signing in: the board; a panel member's interviews; a coordinator's home. */
  landing: 'board' | 'interviews' | 'coordination';
  /** The mentor pool page: add, change, pause and retire mentors and buddies (coordinators and the admin). */
  pool: boolean;
  /** The checks page: overdue pre-employment checks across cases, and chasers (resourcing). */
  checks: boolean;
  /** The units whose interview slots the user may publish, change and withdraw. */
  scheduleUnits: UnitCode[];
  /** The units whose cases the user's board and lists can show: the choices of their unit filter. */
  boardUnits: UnitCode[];
};

/** What `auth.login` and `auth.me` answer: the user and what they may use. */
export type SignedInUser = Me & { may: Capabilities };
