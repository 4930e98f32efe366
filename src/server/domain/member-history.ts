import { UndirectedGraph } from 'graphology';
import { centrality } from 'graphology-metrics';

/*
 * Member histories and the co-accusal network (issue 19 items 1–2): the definitions, as pure
 * functions. docs/early-intervention.md "Member histories and the co-accusal network" states them
 * in words; ADR 0035 says why they are computed the way they are.
 */

/** A member enters the reference distribution only with at least this much service in the window. */
export const MIN_SERVICE_YEARS = 1;

/** Half-life of a co-accusal link's weight: a complaint five years old counts half. */
export const LINK_HALF_LIFE_YEARS = 5;

/** A peer was appointed within this many years of the member (same unit and rank). */
export const PEER_TENURE_YEARS = 2;

/** Fewer peers than this and no peer comparison is shown: a percentile of three says nothing. */
export const MIN_PEERS = 5;

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

/** Days between two ISO dates (`YYYY-MM-DD`), b − a. */
function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;
}

/**
 * Years of service inside the window: from the later of appointment and the window's start to
 * the window's end. The releases carry no separation date, so a member who left counts to the
 * end of the window (docs/early-intervention.md says what that does to the rates).
 */
export function serviceYears(
  appointed: string | null,
  window: { start: string; end: string },
): number | null {
  if (!appointed) {
    return null;
  }
  const from = appointed > window.start ? appointed : window.start;
  const days = daysBetween(from, window.end);
  return days > 0 ? days / YEAR_DAYS : 0;
}

/** Complaints per service-year; null when the member has too little service to be compared. */
export function ratePerServiceYear(complaints: number, years: number | null): number | null {
  return years === null || years < MIN_SERVICE_YEARS ? null : complaints / years;
}

/**
 * The weight one shared complaint adds to a link: 0.5^(age / half-life), age from the complaint's
 * receipt to the as-of day (never negative).
 */
export function linkWeight(receivedOn: string, asOf: string): number {
  const ageYears = Math.max(0, daysBetween(receivedOn, asOf)) / YEAR_DAYS;
  return Math.pow(0.5, ageYears / LINK_HALF_LIFE_YEARS);
}

/**
 * Percentile rank: the share (0–100) of the other members of the population whose rate is lower
 * than this member's. `below` and `others` are counts that leave the member out.
 */
export function percentileRank(below: number, others: number): number | null {
  return others === 0 ? null : Math.round((1000 * below) / others) / 10;
}

/** The appointment dates that make a peer: within PEER_TENURE_YEARS either side. */
export function peerAppointedRange(appointed: string): { from: string; to: string } {
  const y = Number(appointed.slice(0, 4));
  const rest = appointed.slice(4);
  const shift = (dy: number) =>
    `${String(y + dy).padStart(4, '0')}${rest === '-02-29' ? '-02-28' : rest}`;
  return { from: shift(-PEER_TENURE_YEARS), to: shift(PEER_TENURE_YEARS) };
}

/** A link between two members: the complaints they were named in together. */
export interface CoaccusalLink {
  a: string;
  b: string;
  weight: number;
}

/** The connected components of an undirected graph (breadth-first). */
function connectedComponents(graph: UndirectedGraph): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) {
      return;
    }
    seen.add(start);
    const component = [start];
    for (let i = 0; i < component.length; i++) {
      graph.forEachNeighbor(component[i]!, (next) => {
        if (!seen.has(next)) {
          seen.add(next);
          component.push(next);
        }
      });
    }
    components.push(component);
  });
  return components;
}

/** What the network says about one member. */
export interface NetworkMeasures {
  degree: number;
  strength: number;
  /** Shortest-path betweenness, normalized by the pairs of the member's component (0–1). */
  betweenness: number;
  componentSize: number;
}

/**
 * Degree, strength (sum of link weights), and betweenness within the connected component of
 * every member of the network. Betweenness counts shortest paths by hops, as the co-accusal
 * literature does (the weights say how close a tie is, not how far apart two members are), and
 * is divided by the (n−1)(n−2)/2 pairs of the component, so a broker of a small crew and one of
 * a large network read on one scale.
 */
export function networkMeasures(links: readonly CoaccusalLink[]): Map<string, NetworkMeasures> {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const l of links) {
    if (l.a === l.b) {
      continue;
    }
    graph.mergeNode(l.a);
    graph.mergeNode(l.b);
    graph.mergeEdge(l.a, l.b);
    graph.updateEdgeAttribute(l.a, l.b, 'weight', (w: number | undefined) => (w ?? 0) + l.weight);
  }
  const between = centrality.betweenness(graph, { normalized: false, getEdgeWeight: null });
  const out = new Map<string, NetworkMeasures>();
  for (const component of connectedComponents(graph)) {
    const n = component.length;
    const pairs = ((n - 1) * (n - 2)) / 2;
    for (const node of component) {
      let strength = 0;
      graph.forEachEdge(node, (_e, attr) => {
        strength += (attr['weight'] as number) ?? 0;
      });
      out.set(node, {
        degree: graph.degree(node),
        strength,
        betweenness: pairs > 0 ? (between[node] ?? 0) / pairs : 0,
        componentSize: n,
      });
    }
  }
  return out;
}
