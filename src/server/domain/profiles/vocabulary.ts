/**
 * Words of a name or a value as the releases spell it: lower case, split on anything that is not
 * a letter or a digit, on a lower-to-upper case change (`finalFinding`) and between letters and
 * digits (`middle_initial2`). Header names and vocabulary values are matched on these words, so
 * `Not Sustained`, `NOT SUSTAINED` and `not-sustained` are one value, and `final_finding`,
 * `Final Finding` and `finalFinding` one column.
 */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The words of a text joined by single spaces: the key a vocabulary is looked up by. */
export function wordsKey(text: string): string {
  return wordsOf(text).join(' ');
}

/**
 * A value vocabulary: spellings → values, looked up on words (case, separators and spacing do
 * not matter). Two spellings with the same words must mean the same value, or building it fails.
 */
export function vocabulary<T>(entries: Readonly<Record<string, T>>): {
  lookup(text: string): T | undefined;
  has(text: string): boolean;
  spellings: readonly string[];
} {
  const byKey = new Map<string, T>();
  for (const [spelling, value] of Object.entries(entries)) {
    const key = wordsKey(spelling);
    if (byKey.has(key) && byKey.get(key) !== value) {
      throw new Error(`vocabulary: "${spelling}" has the words of another spelling`);
    }
    byKey.set(key, value);
  }
  return {
    lookup: (text) => byKey.get(wordsKey(text)),
    has: (text) => byKey.has(wordsKey(text)),
    spellings: Object.keys(entries),
  };
}
