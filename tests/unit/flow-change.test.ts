import { describe, expect, it } from 'vitest';
import type { Network, NetworkFlow } from '../../src/data/analysis/network';
import { flowChanges } from '../../src/data/analysis/change';

const node = (id: string) => ({ id, name: id, role: 'both' as const, centroid: [0, 0] as [number, number] });
function flow(
  origin: string,
  dest: string,
  periodIndex: number,
  count: number | null,
  suppressedMembers = 0,
): NetworkFlow {
  return {
    origin,
    dest,
    originNode: node(origin),
    destNode: node(dest),
    period: `p${periodIndex}`,
    periodIndex,
    count,
    rank: 0,
    suppressedMembers,
  } as NetworkFlow;
}

describe('change between two periods', () => {
  const flows = [
    flow('A', 'B', 0, 20),
    flow('A', 'B', 1, 35), // growth +15
    flow('A', 'C', 0, 40),
    flow('A', 'C', 1, 25), // decline −15
    flow('A', 'D', 1, 10), // new +10
    flow('A', 'E', 0, 30), // ended −30
    flow('B', 'C', 0, null),
    flow('B', 'C', 1, 20), // suppressed before: not available
    flow('B', 'D', 0, 15),
    flow('B', 'D', 1, 25, 2), // merged flow with suppressed members: not available
    flow('C', 'D', 1, null), // new but suppressed: not available, never "new 0"
    flow('D', 'E', 0, 10),
    flow('D', 'E', 1, 10), // same
  ];
  const network = { nodes: new Map(), nodeOf: new Map() } as unknown as Network;
  const flowsIn = (p: number) => flows.filter((f) => f.periodIndex === p);

  it('classes each pair and never differences a suppressed value', () => {
    const changes = flowChanges(network, 0, 1, { minCount: 0, topN: 0 }, flowsIn);
    const byPair = new Map(changes.map((c) => [`${c.flow.origin}${c.flow.dest}`, [c.kind, c.diff]]));
    expect(Object.fromEntries(byPair)).toEqual({
      AB: ['growth', 15],
      AC: ['decline', -15],
      AD: ['new', 10],
      AE: ['ended', -30],
      BC: ['not-available', null],
      BD: ['not-available', null],
      CD: ['not-available', null],
      DE: ['same', 0],
    });
    // Largest changes first, not available last.
    expect(changes[0].kind).toBe('ended');
    expect(changes.slice(-3).every((c) => c.kind === 'not-available')).toBe(true);
  });
});
