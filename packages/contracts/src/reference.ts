import type { PipelineStep, Settings } from './applications.ts';
import type { Route, UnitCode } from './enums.ts';

/* What the forms offer as choices, as `reference.all` answers. */

/** A condition a route or a unit sets, recorded as met or not at review. */
export type Criterion = { code: string; label: string };

/** A unit: its places (a mentor's), the places it posts a joiner to (SNT: "Ward, BCU"), and its posting roles (MetCC only). */
export type UnitReference = { code: UnitCode; name: string; places: string[]; postingPlaces: string[]; postingRoles: string[]; criteria: Criterion[] };
export type CheckReference = { code: string; name: string; unit: UnitCode | null };
/** An induction course from today on, with how many joiners are booked on it and how many wait for a place. */
export type InductionCourse = { id: number; startsOn: string; place: string; capacity: number; booked: number; waiting: number };

export type Reference = {
  settings: Settings;
  pipeline: PipelineStep[];
  units: UnitReference[];
  routeCriteria: Record<Route, readonly Criterion[]>;
  checks: CheckReference[];
  /** The Home Office forces other than the Met, by name. */
  forces: string[];
  inductionCourses: InductionCourse[];
};
