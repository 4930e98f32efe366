import type { Db } from '../db/client.ts';
import {
  linkWeight,
  networkMeasures,
  ratePerServiceYear,
  serviceYears,
  type CoaccusalLink,
} from '../domain/member-history.ts';
import {
  ALL_POPULATION,
  populationCoaccusals,
  populationComplaints,
  populationWindow,
  replacePopulation,
  vacuumMemberFigures,
  type NetworkMeasureRow,
  type ServiceRateRow,
} from '../repositories/member-network.repository.ts';

export interface ComputeMemberNetworkOptions {
  db: Db;
  jurisdiction: string;
  timeZone: string;
  /** The profile's agency codes: each is a population (`Object.keys(profile.agencies)`). */
  agencies: readonly string[];
  now: () => Date;
}

export interface PopulationSummary {
  population: string;
  members: number;
  links: number;
  durationMs: number;
}

/** The populations a run computes: every case reader's, all unrestricted cases and each agency's. */
export function populationsOf(agencies: readonly string[]): readonly string[] {
  return [ALL_POPULATION, ...agencies];
}

/**
 * The nightly job (`oversight members network`, and after every import): recomputes the service
 * rates and the co-accusal network of every population from the whole history and replaces the
 * stored figures, one population per transaction (ADR 0035). A derived cache, not a record:
 * nothing is audited, as nothing a person decided changes.
 */
export async function computeMemberNetwork(
  opts: ComputeMemberNetworkOptions,
): Promise<PopulationSummary[]> {
  const out: PopulationSummary[] = [];
  for (const population of populationsOf(opts.agencies)) {
    const started = Date.now();
    const { db, jurisdiction, timeZone } = opts;
    const window = await populationWindow(db, jurisdiction, population, timeZone);
    const rates: ServiceRateRow[] = [];
    const measures: NetworkMeasureRow[] = [];
    let linkCount = 0;
    if (window) {
      for (const r of await populationComplaints(db, jurisdiction, population)) {
        const years = serviceYears(r.appointed_date, window);
        const civilianRate = ratePerServiceYear(r.civilian, years);
        const departmentRate = ratePerServiceYear(r.department, years);
        if (years !== null && civilianRate !== null && departmentRate !== null) {
          rates.push({
            ...r,
            service_years: years,
            civilian_rate: civilianRate,
            department_rate: departmentRate,
          });
        }
      }
      const links = new Map<string, CoaccusalLink>();
      for (const pair of await populationCoaccusals(db, jurisdiction, population, timeZone)) {
        const key = `${pair.a} ${pair.b}`;
        const link = links.get(key) ?? { a: pair.a, b: pair.b, weight: 0 };
        link.weight += linkWeight(pair.day, window.end);
        links.set(key, link);
      }
      linkCount = links.size;
      for (const [memberId, m] of networkMeasures([...links.values()])) {
        measures.push({
          member_id: memberId,
          degree: m.degree,
          strength: m.strength,
          betweenness: m.betweenness,
          component_size: m.componentSize,
        });
      }
    }
    const durationMs = Date.now() - started;
    await db.transaction((tx) =>
      window
        ? replacePopulation(
            tx,
            jurisdiction,
            {
              population,
              computed_at: opts.now(),
              window_start: window.start,
              window_end: window.end,
              members: rates.length,
              links: linkCount,
              duration_ms: durationMs,
            },
            rates,
            measures,
          )
        : Promise.resolve(),
    );
    out.push({ population, members: rates.length, links: linkCount, durationMs });
  }
  await vacuumMemberFigures(opts.db);
  return out;
}
