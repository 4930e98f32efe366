import crypto from 'node:crypto';

/** The names given so far: statement texts come from code, a few dozen at most. */
const names = new Map<string, string>();

/**
 * The name a statement run with `reusePlan` is prepared under (ADR 0059): the hash of its text,
 * so equal names are equal texts and a session never holds two statements under one name.
 */
export function keptPlanName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `oversight_${crypto.createHash('sha1').update(text).digest('hex')}`;
    names.set(text, name);
  }
  return name;
}
