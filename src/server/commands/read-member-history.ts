import type { z } from 'zod';
import { Finding, type Category } from '../../shared/enums.ts';
import type { MemberComparisonOut } from '../../shared/schemas/members.ts';
import type { Queryable } from '../db/client.ts';
import { localDate } from '../../shared/dates.ts';
import {
  linkWeight,
  MIN_PEERS,
  peerAppointedRange,
  percentileRank,
  ratePerServiceYear,
  serviceYears,
} from '../domain/member-history.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import { hasOpenConflict } from '../repositories/access.repository.ts';
import {
  ALL_POPULATION,
  findNetworkMeasures,
  findNetworkRun,
  memberPopulationComplaints,
  membersByIds,
  rankInPopulation,
} from '../repositories/member-network.repository.ts';
import type { MemberAllegationRow, MemberRow } from '../repositories/members.repository.ts';
import { isoRequired } from '../repositories/sql.ts';

/**
 * Which population a reader's figures come from (ADR 0035): the reader's case scope, restricted
 * cases left out. A reader who sees every case gets the whole jurisdiction's unrestricted cases;
 * one who reads their agency's unrestricted cases gets those; a reader who sees only cases
 * assigned to them (or none) gets no comparison, as any population would hold cases they
 * cannot open.
 */
export function populationOf(scope: CaseScope): string | null {
  if (scope.kind === 'all') {
    return ALL_POPULATION;
  }
  return scope.kind === 'agency' && scope.unrestricted ? scope.agency : null;
}

/** The allegations a reader sees, counted by year and by category and finding. */
export function historySummary(allegations: readonly MemberAllegationRow[], timeZone: string) {
  const years = new Map<number, { allegations: number; sustained: number }>();
  const cells = new Map<string, { category: Category; finding: string | null; count: number }>();
  for (const a of allegations) {
    const year = Number(localDate(a.received_at, timeZone).slice(0, 4));
    const finding = a.final_finding ?? a.recommended_finding;
    const y = years.get(year) ?? { allegations: 0, sustained: 0 };
    y.allegations += 1;
    y.sustained += finding === Finding.sustained ? 1 : 0;
    years.set(year, y);
    const key = `${a.category} ${finding ?? ''}`;
    const cell = cells.get(key) ?? { category: a.category, finding, count: 0 };
    cell.count += 1;
    cells.set(key, cell);
  }
  return {
    byYear: [...years].sort(([a], [b]) => a - b).map(([year, y]) => ({ year, ...y })),
    byCategoryFinding: [...cells.values()].sort(
      (a, b) =>
        a.category.localeCompare(b.category) || (a.finding ?? '~').localeCompare(b.finding ?? '~'),
    ),
  };
}

/**
 * The member's comparison figures for this reader: their complaints now (in the population,
 * without the cases a conflict hides from the reader), placed in the distribution and network
 * of the last run.
 */
export async function readMemberComparison(
  db: Queryable,
  o: {
    jurisdiction: string;
    timeZone: string;
    member: MemberRow;
    readerId: string;
    scope: CaseScope;
  },
): Promise<z.input<typeof MemberComparisonOut> | null> {
  const population = populationOf(o.scope);
  if (population === null || (await hasOpenConflict(db, o.readerId, o.member.id))) {
    return null;
  }
  const run = await findNetworkRun(db, o.jurisdiction, population);
  if (!run) {
    return null;
  }
  const window = { start: run.window_start, end: run.window_end };
  const complaints = (
    await memberPopulationComplaints(
      db,
      o.jurisdiction,
      population,
      o.member.id,
      o.readerId,
      o.timeZone,
    )
  ).filter((c) => c.day >= window.start && c.day <= window.end);
  const civilian = complaints.filter((c) => !c.dept).length;
  const department = complaints.length - civilian;
  const years = serviceYears(o.member.appointed_date, window);
  const civilianRate = ratePerServiceYear(civilian, years);
  const departmentRate = ratePerServiceYear(department, years);
  const rated = civilianRate !== null && departmentRate !== null;
  const rates = { civilian: civilianRate ?? 0, department: departmentRate ?? 0 };
  const all = await rankInPopulation(db, o.jurisdiction, population, o.member.id, rates);
  const m = o.member;
  const peerRange = m.appointed_date ? peerAppointedRange(m.appointed_date) : null;
  const peers =
    rated && m.unit_code && m.rank && peerRange
      ? await rankInPopulation(db, o.jurisdiction, population, m.id, rates, {
          unit: m.unit_code,
          rank: m.rank,
          ...peerRange,
        })
      : null;

  const links = new Map<string, { complaints: number; last: string; weight: number }>();
  for (const c of complaints) {
    for (const other of c.others) {
      const l = links.get(other) ?? { complaints: 0, last: c.day, weight: 0 };
      l.complaints += 1;
      l.last = c.day > l.last ? c.day : l.last;
      l.weight += linkWeight(c.day, window.end);
      links.set(other, l);
    }
  }
  const people = new Map((await membersByIds(db, [...links.keys()])).map((p) => [p.id, p]));
  const measures = await findNetworkMeasures(db, o.jurisdiction, population, m.id);
  const round = (x: number | null, digits = 3) =>
    x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

  return {
    population,
    computedAt: isoRequired(run.computed_at),
    windowStart: run.window_start,
    windowEnd: run.window_end,
    populationSize: run.members,
    serviceYears: round(years, 1),
    civilian: {
      complaints: civilian,
      perServiceYear: round(civilianRate),
      percentile: rated ? percentileRank(all.civilian_below, all.others) : null,
    },
    department: {
      complaints: department,
      perServiceYear: round(departmentRate),
      percentile: rated ? percentileRank(all.department_below, all.others) : null,
    },
    peers:
      peers && peers.others >= MIN_PEERS
        ? {
            size: peers.others,
            civilian: {
              percentile: percentileRank(peers.civilian_below, peers.others),
              median: round(peers.civilian_median),
            },
            department: {
              percentile: percentileRank(peers.department_below, peers.others),
              median: round(peers.department_median),
            },
          }
        : null,
    network: measures
      ? {
          degree: measures.degree,
          strength: round(measures.strength)!,
          betweenness: round(measures.betweenness, 5)!,
          componentSize: measures.component_size,
        }
      : null,
    coAccused: [...links]
      .sort(([, a], [, b]) => b.weight - a.weight || b.complaints - a.complaints)
      .map(([id, l]) => {
        const p = people.get(id);
        return {
          id,
          firstName: p?.first_name ?? null,
          lastName: p?.last_name ?? null,
          star: p?.star ?? null,
          rank: p?.rank ?? null,
          unit: p?.unit_code ?? null,
          complaints: l.complaints,
          lastReceivedOn: l.last,
          weight: round(l.weight)!,
        };
      }),
  };
}
