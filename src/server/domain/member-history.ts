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

/** What the network says about one member. */
export interface NetworkMeasures {
  degree: number;
  strength: number;
  /** Shortest-path betweenness, normalized by the pairs of the member's component (0–1). */
  betweenness: number;
  componentSize: number;
}

/** An undirected graph in compressed sparse rows: the neighbours of v are adj[off[v]..off[v+1]). */
interface Csr {
  ids: string[];
  off: Int32Array;
  adj: Int32Array;
  /** Link weight beside each adjacency entry. */
  w: Float64Array;
}

function toCsr(links: readonly CoaccusalLink[]): Csr {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const merged = new Map<string, { a: number; b: number; weight: number }>();
  const idOf = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const l of links) {
    if (l.a === l.b) {
      continue;
    }
    const a = idOf(l.a);
    const b = idOf(l.b);
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    const e = merged.get(key) ?? { a, b, weight: 0 };
    e.weight += l.weight;
    merged.set(key, e);
  }
  const n = ids.length;
  const off = new Int32Array(n + 1);
  for (const e of merged.values()) {
    off[e.a + 1]! += 1;
    off[e.b + 1]! += 1;
  }
  for (let v = 0; v < n; v++) {
    off[v + 1]! += off[v]!;
  }
  const fill = off.slice(0, n);
  const adj = new Int32Array(off[n]!);
  const w = new Float64Array(off[n]!);
  for (const e of merged.values()) {
    adj[fill[e.a]!] = e.b;
    w[fill[e.a]!++] = e.weight;
    adj[fill[e.b]!] = e.a;
    w[fill[e.b]!++] = e.weight;
  }
  return { ids, off, adj, w };
}

/**
 * Brandes' algorithm for unweighted graphs (J. Brandes, "A faster algorithm for betweenness
 * centrality", J. Math. Sociol. 25(2), 2001): one breadth-first search per source, dependencies
 * accumulated back up the search. Undirected: each pair is seen from both ends, so halved.
 * Written on typed arrays because graphology-metrics' general implementation took 291 s on
 * Chicago's whole-history network (ADR 0035); the unit test checks it against that one.
 * Also returns each node's component size (the search from a source reaches its component).
 */
function brandes(g: Csr): { between: Float64Array; componentSize: Int32Array } {
  const n = g.ids.length;
  const between = new Float64Array(n);
  const componentSize = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    sigma[s] = 1;
    dist[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = g.off[v]!; e < g.off[v + 1]!; e++) {
        const x = g.adj[e]!;
        if (dist[x]! < 0) {
          dist[x] = dist[v]! + 1;
          order[tail++] = x;
        }
        if (dist[x] === dist[v]! + 1) {
          sigma[x]! += sigma[v]!;
        }
      }
    }
    componentSize[s] = tail;
    // back up the search: the nodes in order of decreasing distance
    for (let i = tail - 1; i > 0; i--) {
      const x = order[i]!;
      for (let e = g.off[x]!; e < g.off[x + 1]!; e++) {
        const v = g.adj[e]!;
        if (dist[v] === dist[x]! - 1) {
          delta[v]! += (sigma[v]! / sigma[x]!) * (1 + delta[x]!);
        }
      }
      between[x]! += delta[x]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      sigma[v] = 0;
      delta[v] = 0;
      dist[v] = -1;
    }
  }
  for (let v = 0; v < n; v++) {
    between[v]! /= 2;
  }
  return { between, componentSize };
}

/**
 * Degree, strength (sum of link weights), and betweenness within the connected component of
 * every member of the network. Betweenness counts shortest paths by hops, as the co-accusal
 * literature does (the weights say how close a tie is, not how far apart two members are), and
 * is divided by the (n−1)(n−2)/2 pairs of the component, so a broker of a small crew and one of
 * a large network read on one scale.
 */
export function networkMeasures(links: readonly CoaccusalLink[]): Map<string, NetworkMeasures> {
  const g = toCsr(links);
  const { between, componentSize } = brandes(g);
  const out = new Map<string, NetworkMeasures>();
  g.ids.forEach((id, v) => {
    const n = componentSize[v]!;
    const pairs = ((n - 1) * (n - 2)) / 2;
    let strength = 0;
    for (let e = g.off[v]!; e < g.off[v + 1]!; e++) {
      strength += g.w[e]!;
    }
    out.set(id, {
      degree: g.off[v + 1]! - g.off[v]!,
      strength,
      betweenness: pairs > 0 ? between[v]! / pairs : 0,
      componentSize: n,
    });
  });
  return out;
}
