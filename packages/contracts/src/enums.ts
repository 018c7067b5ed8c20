import { z } from 'zod';
import {
  checkStatuses,
  eventTypes,
  metValues,
  ranks,
  recordsOutcomes,
  recordsRequests,
  roles,
  routes,
  stages,
  unitCodes,
} from './vocabulary.ts';

export * from './vocabulary.ts';

export const Stage = z.enum(stages);
export type Stage = z.infer<typeof Stage>;

export const Route = z.enum(routes);
export type Route = z.infer<typeof Route>;

export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const UnitCode = z.enum(unitCodes);
export type UnitCode = z.infer<typeof UnitCode>;

export const Rank = z.enum(ranks);
export type Rank = z.infer<typeof Rank>;

export const CheckStatus = z.enum(checkStatuses);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const MetValue = z.enum(metValues);
export type MetValue = z.infer<typeof MetValue>;

export const EventType = z.enum(eventTypes);
export type EventType = z.infer<typeof EventType>;

export const RecordsRequest = z.enum(recordsRequests);
export type RecordsRequest = z.infer<typeof RecordsRequest>;
export const RecordsOutcome = z.enum(recordsOutcomes);
export type RecordsOutcome = z.infer<typeof RecordsOutcome>;
