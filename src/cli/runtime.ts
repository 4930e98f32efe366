import { InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../server/config/config.ts';
import {
  computeMemberNetwork,
  type PopulationSummary,
} from '../server/commands/compute-member-network.ts';
import { openRuntime, type Runtime } from '../server/runtime.ts';

/**
 * Runs `fn` with an open runtime and always closes it (releasing the embedded lock). The config
 * is read from the environment unless the command read it already (to check it first).
 */
export async function withRuntime<T>(
  purpose: string,
  fn: (rt: Runtime) => Promise<T>,
  opts: Parameters<typeof openRuntime>[2] = {},
  config: Config = loadConfig(),
): Promise<T> {
  const rt = await openRuntime(config, purpose, opts);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** A whole number of at least `min`, from an option's text. */
export function wholeNumber(min: number, max: number, message: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(message);
    }
    return n;
  };
}

export const parsePort = wholeNumber(0, 65535, 'must be a port number 0-65535');

/** The member figures of every population, recomputed from the whole history (ADR 0035). */
export function computeNetworkOf(rt: Runtime): Promise<PopulationSummary[]> {
  return computeMemberNetwork({
    db: rt.db,
    jurisdiction: rt.jurisdiction,
    timeZone: rt.profile.timeZone,
    agencies: Object.keys(rt.profile.agencies),
    now: () => new Date(),
  });
}
