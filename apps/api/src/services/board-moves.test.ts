import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../testing.ts';

describe('cards carry the moves their viewer may try', () => {
  it('offers each role only its own moves, so the board need not know the rules', async () => {
    const api = await setupApi();
    const c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'TSG' }));
    const cardFor = async (who: 'resourcing' | 'leadTsg' | 'admin') =>
      (await api.as[who].applications.board({})).find((col) => col.stage === 'review')!.items.find((i) => i.id === c.id)!;
    expect((await cardFor('resourcing')).moves).toEqual([
      { to: 'interview', kind: 'forward', needsReason: null },
      { to: 'rejected', kind: 'close', needsReason: 'listed' },
      { to: 'withdrawn', kind: 'close', needsReason: 'listed' },
    ]);
    expect((await cardFor('leadTsg')).moves).toEqual([]);
    expect((await cardFor('admin')).moves).toEqual([]);
    const listed = await api.as.resourcing.applications.list({ stage: 'review' });
    expect(listed.items[0]?.id).toBe(c.id);
    expect(listed.items[0]?.moves.map((m) => m.to)).toEqual(['interview', 'rejected', 'withdrawn']);
    expect(listed.items[0]).not.toHaveProperty('closedFromStage');
  });
});
