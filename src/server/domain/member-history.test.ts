import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { centrality } from 'graphology-metrics';
import {
  linkWeight,
  networkMeasures,
  peerAppointedRange,
  percentileRank,
  ratePerServiceYear,
  serviceYears,
} from './member-history.ts';

describe('member history definitions', () => {
  const window = { start: '2000-01-01', end: '2010-01-01' };

  it('counts service from the later of appointment and the window start to its end', () => {
    expect(serviceYears('1990-05-01', window)).toBeCloseTo(3653 / 365.25, 9);
    expect(serviceYears('2009-01-01', window)).toBeCloseTo(365 / 365.25, 9);
    expect(serviceYears('2011-01-01', window)).toBe(0);
    expect(serviceYears(null, window)).toBeNull();
  });

  it('rates only a member with at least a year of service', () => {
    expect(ratePerServiceYear(3, 1.5)).toBe(2);
    expect(ratePerServiceYear(3, 1)).toBe(3);
    expect(ratePerServiceYear(3, 0.99)).toBeNull();
    expect(ratePerServiceYear(0, null)).toBeNull();
  });

  it('halves a link every five years', () => {
    expect(linkWeight('2010-01-01', '2010-01-01')).toBe(1);
    expect(linkWeight('2005-01-01', '2010-01-01')).toBeCloseTo(0.5, 3);
    expect(linkWeight('2000-01-01', '2010-01-01')).toBeCloseTo(0.25, 3);
    // a complaint after the as-of day counts in full, never more
    expect(linkWeight('2011-01-01', '2010-01-01')).toBe(1);
  });

  it('gives the share of the other members below, none without others', () => {
    expect(percentileRank(4, 5)).toBe(80);
    expect(percentileRank(1, 3)).toBe(33.3);
    expect(percentileRank(0, 0)).toBeNull();
  });

  it('takes peers appointed within two years either side', () => {
    expect(peerAppointedRange('2010-03-01')).toEqual({ from: '2008-03-01', to: '2012-03-01' });
    expect(peerAppointedRange('2012-02-29')).toEqual({ from: '2010-02-28', to: '2014-02-28' });
  });
});

describe('networkMeasures', () => {
  it('answers a hand-worked graph: a path A–B–C with D and E off C, and a separate pair', () => {
    const m = networkMeasures([
      { a: 'A', b: 'B', weight: 1 },
      { a: 'B', b: 'C', weight: 0.5 },
      { a: 'C', b: 'D', weight: 1 },
      { a: 'E', b: 'C', weight: 1 },
      { a: 'C', b: 'E', weight: 1 },
      { a: 'X', b: 'Y', weight: 2 },
    ]);
    expect(m.get('B')).toEqual({ degree: 2, strength: 1.5, betweenness: 0.5, componentSize: 5 });
    expect(m.get('C')!.betweenness).toBeCloseTo(5 / 6, 12);
    // the two links C–E and E–C are one link of weight 2
    expect(m.get('E')).toEqual({ degree: 1, strength: 2, betweenness: 0, componentSize: 5 });
    expect(m.get('X')).toEqual({ degree: 1, strength: 2, betweenness: 0, componentSize: 2 });
  });

  it('agrees with graphology-metrics on a random graph with several components', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const links = Array.from({ length: 260 }, () => ({
      a: `m${Math.floor(random() * 150)}`,
      b: `m${Math.floor(random() * 150)}`,
      weight: 1,
    }));
    const graph = new UndirectedGraph();
    for (const l of links) {
      if (l.a !== l.b) {
        graph.mergeEdge(l.a, l.b);
      }
    }
    const reference = centrality.betweenness(graph, { normalized: false });
    const ours = networkMeasures(links);
    expect(ours.size).toBe(graph.order);
    for (const [id, m] of ours) {
      const n = m.componentSize;
      const pairs = ((n - 1) * (n - 2)) / 2;
      expect(m.betweenness * pairs).toBeCloseTo(reference[id] ?? 0, 6);
      expect(m.degree).toBe(graph.degree(id));
    }
  });
});
