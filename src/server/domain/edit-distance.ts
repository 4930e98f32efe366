/**
 * True when `a` and `b` are equal or one edit apart (a letter substituted, dropped or added):
 * a misspelled street word in a narrative, a misspelled word in a release's header or file name.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  if (Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++;
  }
  // the rest after one substitution, deletion or insertion must match
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i)
  );
}
