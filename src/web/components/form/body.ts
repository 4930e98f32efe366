/**
 * A request body's optional part (the incident's time and place): `{ [key]: part }` when any of
 * its values is given, nothing when none is, so an empty part is not sent. The public complaint
 * form and the intake wizard leave out an empty incident alike.
 */
export function partIfGiven<K extends string, P extends Record<string, unknown>>(
  key: K,
  part: P,
): { [k in K]?: P } {
  return Object.values(part).some((v) => v !== undefined)
    ? ({ [key]: part } as { [k in K]: P })
    : {};
}
