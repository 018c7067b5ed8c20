import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { closeReasonIds, setupApi } from '../testing.ts';

/** Three cases, MUS-000001 to MUS-000003; the second aimed at TSG. */
async function threeApplications() {
  const api = await setupApi();
  const a = await api.as.resourcing.applications.create(buildApplication({ firstName: 'Amara', lastName: 'Okoye' }));
  const b = await api.as.resourcing.applications.create(
    buildApplication({ firstName: 'Brian', lastName: 'Fitzpatrick', targetUnit: 'TSG' }),
  );
  const c = await api.as.resourcing.applications.create(buildApplication({ firstName: 'Chloe', lastName: 'Patel' }));
  return { api, a, b, c };
}

const refs = (items: { reference: string }[]) => items.map((i) => i.reference);

describe('search finds a case by its reference', () => {
  it('on the list, the board, a board column and in triage', async () => {
    const { api, b } = await threeApplications();
    expect(b.reference).toBe('MUS-000002');
    const list = await api.as.resourcing.applications.list({ q: 'MUS-000002' });
    expect(refs(list.items)).toEqual(['MUS-000002']);
    const board = await api.as.resourcing.applications.board({ q: 'MUS-000002' });
    expect(board.find((col) => col.stage === 'review')).toMatchObject({ count: 1, items: [{ id: b.id }] });
    expect(board.reduce((n, col) => n + col.count, 0)).toBe(1);
    const column = await api.as.resourcing.applications.column({ stage: 'review', q: 'MUS-000002' });
    expect(refs(column.items)).toEqual(['MUS-000002']);
    const queue = await api.as.resourcing.triage.queue({ q: 'MUS-000002' });
    expect(refs(queue.items)).toEqual(['MUS-000002']);
  });

  it('in lower case and without the leading zeros; with other words, each must match', async () => {
    const { api } = await threeApplications();
    for (const q of ['mus-000002', 'MUS-2', 'mus-2', 'MUS-000002 Brian', 'fitz MUS-000002'])
      expect(refs((await api.as.resourcing.applications.list({ q })).items), q).toEqual(['MUS-000002']);
    expect((await api.as.resourcing.applications.list({ q: 'MUS-000002 Chloe' })).items).toEqual([]);
    // A reference is matched whole: a part of one is not a search for every case.
    expect((await api.as.resourcing.applications.list({ q: 'MUS-00000' })).items).toEqual([]);
    // Names, emails and forces are still searched by substring, long words and short.
    expect(refs((await api.as.resourcing.applications.list({ q: 'patric' })).items)).toEqual(['MUS-000002']);
    expect(refs((await api.as.resourcing.applications.list({ q: 'Ch Pa' })).items)).toEqual(['MUS-000003']);
  });

  it('only within what the user may see', async () => {
    const { api } = await threeApplications();
    expect(refs((await api.as.leadTsg.applications.list({ q: 'MUS-000002' })).items)).toEqual(['MUS-000002']);
    expect((await api.as.leadTsg.applications.list({ q: 'MUS-000001' })).items).toEqual([]);
    expect((await api.as.coordinator.applications.list({ q: 'MUS-000001' })).items).toEqual([]);
  });
});

describe('closed cases are found from one search', () => {
  it('the list answers closed cases with their stage; isOpen keeps to open or to ended cases', async () => {
    const { api, a, c } = await threeApplications();
    await api.as.resourcing.applications.move({
      id: a.id,
      expectedVersion: a.version,
      to: 'rejected',
      reasonId: closeReasonIds.rejected,
    });
    await api.as.resourcing.applications.move({
      id: c.id,
      expectedVersion: c.version,
      to: 'withdrawn',
      reasonId: closeReasonIds.withdrawn,
    });
    const all = await api.as.resourcing.applications.list({ q: 'MUS-000001' });
    expect(all.items).toMatchObject([{ reference: 'MUS-000001', stage: 'rejected' }]);
    const ended = await api.as.resourcing.applications.list({ q: 'sam', isOpen: false });
    expect(ended.items.map((i) => [i.reference, i.stage])).toEqual([
      ['MUS-000003', 'withdrawn'],
      ['MUS-000001', 'rejected'],
    ]);
    const open = await api.as.resourcing.applications.list({ q: 'sam', isOpen: true });
    expect(refs(open.items)).toEqual(['MUS-000002']);
    // Both filters are prepared queries of their own: asking again the other way round still answers right.
    expect(refs((await api.as.resourcing.applications.list({ q: 'sam', isOpen: false })).items)).toEqual([
      'MUS-000003',
      'MUS-000001',
    ]);
    // The board shows open stages only; the closed case is not on it.
    const board = await api.as.resourcing.applications.board({ q: 'MUS-000001' });
    expect(board.reduce((n, col) => n + col.count, 0)).toBe(0);
  });
});
