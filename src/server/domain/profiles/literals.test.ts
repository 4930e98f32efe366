import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Jurisdiction in the profile, not in literals (issue 20 item 6, ADR 0045): no string in src/
 * names an agency, a city or its law outside src/server/domain/profiles/. The scan reads string
 * literals, template text and JSX text with the TypeScript parser, so comments — where code cites
 * the law it follows — are free.
 *
 * Exempt, by design:
 *   - src/server/domain/profiles/**: the profiles are where jurisdiction data lives;
 *   - tests (*.test.ts, *.test.tsx) and their fixtures (test-kit, web/test/): they state a
 *     city's facts to check the rules against them;
 *   - src/web/i18n/**: the translation catalogs are data (text shown to people, in every language).
 * Files not yet de-literalised are listed in REMAINING with their count: the list may only
 * shrink, and a count must be lowered when literals are removed (the test says so).
 */

const SRC = fileURLToPath(new URL('../../../', import.meta.url));

/** An agency, a city or its law, as a whole word (codes of both profiles, their ordinances). */
const JURISDICTION_WORD =
  /\b(COPA|BIA|OIG|CPD|CCRB|NYPD|Chicago|New York|MCC)\b|\b2-78-\d|§\s?440\b|\bILCS\b/;

const EXEMPT = [
  /^server\/domain\/profiles\//,
  /\.test\.tsx?$/,
  /test-kit\.tsx?$/,
  /^web\/test\//,
  /^web\/i18n\//,
];

/**
 * What is left, by file, with the count of literals. Each entry is work to do: move the text to
 * the profile (or to the i18n catalogs for web text) and lower or remove the entry.
 */
const REMAINING: Record<string, number> = {
  // CLI help text naming the Chicago releases and reports
  'cli/commands/demo.ts': 2,
  'cli/commands/import.ts': 1,
  'cli/commands/report.ts': 1,
  // report and open-data column descriptions citing MCC 2-78-150 and CPD penalty codes
  'server/commands/build-report.ts': 2,
  'server/commands/export-open-data.ts': 14,
  'shared/report-labels.ts': 14,
  // the Superintendent's extension sentence (MCC 2-78-130) and the final-finding stage message
  'server/commands/extend-deadline.ts': 1,
  'server/domain/findings.ts': 1,
  // the demo story's narratives, statements and press outlet (people and places moved already)
  'server/demo/demo.ts': 7,
  // the Chicago importer reads Chicago's releases: its source-system names are its input format
  'server/importers/chicago/kinds/complaints-clear.ts': 1,
  'server/importers/chicago/kinds/complaints-cms.ts': 1,
  'server/importers/chicago/kinds/complaints.ts': 1,
  'server/importers/chicago/kinds/cpd-witnesses.ts': 1,
  'server/importers/chicago/recognize.ts': 1,
  'server/importers/chicago/write-entities.ts': 2,
  'server/repositories/member-network.repository.ts': 1,
  // the grant table's bases cite MCC clauses; a BIA supervisor's duty-status row (actorAgencies)
  'server/policies/authorization.ts': 6,
  'server/policies/global-grants.ts': 4,
  // the Illinois FOIA and Personnel Record Review Act bases of what the portal withholds
  'server/domain/publication.ts': 10,
  'server/redaction/publish.ts': 2,
  // OpenAPI summaries
  'shared/api/cases.ts': 1,
  'shared/api/public.ts': 1,
  // the penalty-code message of the finding request
  'shared/schemas/allegations.ts': 1,
  // the staff queue's agency filter: the web has no list of the profile's agencies yet
  'web/pages/staff/QueuePage.tsx': 3,
};

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(name)) {
      yield path;
    }
  }
}

/** The jurisdiction literals of a source text: its strings, template pieces and JSX text. */
function literalsIn(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteralLike(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node) ||
        ts.isJsxText(node)) &&
      JURISDICTION_WORD.test(node.text)
    ) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function scan(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path).split(sep).join('/');
    if (EXEMPT.some((re) => re.test(file))) {
      continue;
    }
    const found = literalsIn(path, readFileSync(path, 'utf8'));
    if (found.length > 0) {
      out[file] = found;
    }
  }
  return out;
}

describe('jurisdiction literals outside the profiles', () => {
  const found = scan();

  it('has none in a file that is not on the remaining list', () => {
    const unexpected = Object.fromEntries(
      Object.entries(found).filter(([file]) => REMAINING[file] === undefined),
    );
    expect(unexpected, 'move these to the jurisdiction profile (ADR 0045)').toEqual({});
  });

  it('keeps the remaining list exact, so it only shrinks', () => {
    const counts = Object.fromEntries(Object.entries(found).map(([f, l]) => [f, l.length]));
    const listed = Object.fromEntries(Object.keys(REMAINING).map((f) => [f, counts[f] ?? 0]));
    expect(listed, 'lower REMAINING to what the scan finds').toEqual(REMAINING);
  });

  it('finds a literal where there is one and ignores comments', () => {
    const probe = "// COPA investigates (MCC 2-78-120)\nconst a = 'COPA';\nconst b = `BIA ${a}`;";
    expect(literalsIn('probe.ts', probe)).toEqual(['COPA', 'BIA ']);
  });
});
