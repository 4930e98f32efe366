/**
 * Keeps the promise of `engines.node` in package.json (issue 23 item 14): the Node.js running
 * this check is in the promised range, and every package in package-lock.json supports the whole
 * of it (its own `engines.node` range contains ours). Run by `.ci/run` after `npm ci`.
 *
 * Usage: node --import tsx scripts/check-engines.ts
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

export interface LockedPackage {
  version?: string;
  /** a few old packages write engines as an array of strings: no Node range to check */
  engines?: { node?: string } | string[];
}

/** What breaks the promise `promised` for this Node.js and these locked packages (none: kept). */
export function unkeptEngines(
  promised: string,
  nodeVersion: string,
  packages: Record<string, LockedPackage>,
): string[] {
  const problems: string[] = [];
  if (!semver.satisfies(nodeVersion, promised)) {
    problems.push(`this Node.js ${nodeVersion} is outside the promised range ${promised}`);
  }
  for (const [where, locked] of Object.entries(packages)) {
    const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
    if (where === '' || !range) continue;
    if (!semver.subset(promised, range)) {
      const name = where.replace(/^.*node_modules\//, '');
      problems.push(
        `${name}@${locked.version} requires Node.js ${range}, narrower than ${promised}`,
      );
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const promised = pkg.engines.node;
  const problems = unkeptEngines(promised, process.version, lock.packages);
  if (problems.length > 0) {
    console.error(`engines: the promise "node ${promised}" is not kept:`);
    for (const p of problems) console.error(`  - ${p}`);
    console.error(
      'Pin a version that supports the whole range, or change the promise (README, engines).',
    );
    process.exit(1);
  }
  const count = Object.keys(lock.packages).length - 1;
  console.log(
    `engines: Node.js ${process.version} and all ${count} locked packages keep "node ${promised}"`,
  );
}
