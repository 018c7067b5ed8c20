import type { ApplicationDetail, UpdateCheckInput } from '@muster/contracts';
import { isVettingCheck, lowestLevelFor } from '@muster/domain';

/** For tests and the demo: a check passed on the case read, with the level and expiry a vetting check needs. */
export function passCheck(
  c: Pick<ApplicationDetail, 'id' | 'version' | 'targetUnit'>,
  check: string,
  expiresOn = '2099-12-31',
): UpdateCheckInput {
  const level = lowestLevelFor(check, c.targetUnit);
  return {
    id: c.id,
    expectedVersion: c.version,
    check,
    status: 'passed',
    ...(isVettingCheck(check) && level ? { level, expiresOn } : {}),
  };
}
