import type { PipelineStep, Settings } from './applications.ts';
import type { Route, UnitCode } from './enums.ts';

/* What the forms offer as choices, as `reference.all` answers. */

/** A condition a route or a unit sets, recorded as met or not at review. */
export type Criterion = { code: string; label: string };

export type UnitReference = { code: UnitCode; name: string; places: string[]; criteria: Criterion[] };
export type CheckReference = { code: string; name: string; unit: UnitCode | null };
/** An induction course from today on, with how many joiners are booked on it. */
export type InductionCourse = { id: number; startsOn: string; place: string; capacity: number; booked: number };

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
