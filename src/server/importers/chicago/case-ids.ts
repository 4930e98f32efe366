/*
 * Child rows name their case by the id their own file writes, which a release may shape
 * differently from its complaints file: a plain number in one file (`258959`), the same number
 * zero-padded behind a year prefix in another (`2000-0258959`), or the reverse (`2019-75` for
 * `2019-0000075`). Ids are joined by their number (and year, when both sides have one); an id
 * whose number fits several cases joins none.
 */

interface IdParts {
  year: string | null;
  number: string;
}

/** Year and number of an id-like text (`2019-0000075`, `258959`, `258959.0`); null otherwise. */
function idParts(id: string): IdParts | null {
  const t = id.trim().replace(/\.0+$/, '');
  const withYear = /^(\d{4})-(\d+)$/.exec(t);
  if (withYear) {
    return { year: withYear[1]!, number: withYear[2]!.replace(/^0+(?=\d)/, '') };
  }
  return /^\d+$/.test(t) ? { year: null, number: t.replace(/^0+(?=\d)/, '') } : null;
}

/** How a child id found its case. */
export type CaseMatch = { log: string; reshaped: boolean } | null;

/**
 * Resolves ids against the log numbers of known cases: exactly first, then by normalized id. The
 * index by number is built on the first id that does not match exactly (most releases never
 * need it).
 */
export function createCaseResolver(
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): (id: string) => CaseMatch {
  let byYearNumber: Map<string, string[]> | null = null;
  let byNumber: Map<string, string[]> | null = null;
  const index = (): void => {
    byYearNumber = new Map();
    byNumber = new Map();
    for (const log of known.keys()) {
      const p = idParts(log);
      if (!p) {
        continue;
      }
      push(byNumber, p.number, log);
      if (p.year) {
        push(byYearNumber, `${p.year}-${p.number}`, log);
      }
    }
  };
  return (id) => {
    if (known.has(id)) {
      return { log: id, reshaped: false };
    }
    const p = idParts(id);
    if (!p) {
      return null;
    }
    if (!byNumber) {
      index();
    }
    let candidates: string[] = [];
    if (p.year) {
      candidates = byYearNumber!.get(`${p.year}-${p.number}`) ?? [];
      if (candidates.length === 0) {
        // a year-prefixed child of a release whose case ids are plain numbers
        candidates = (byNumber!.get(p.number) ?? []).filter((log) => idParts(log)!.year === null);
      }
    } else {
      candidates = byNumber!.get(p.number) ?? [];
    }
    return candidates.length === 1 ? { log: candidates[0]!, reshaped: true } : null;
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
