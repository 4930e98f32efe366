/** Consecutive failures before the account locks (OWASP: a small number, with backoff). */
export const LOCKOUT_THRESHOLD = 5;
/** The longest lock, minutes: long enough to stop guessing, short enough not to be a denial. */
export const LOCKOUT_MAX_MINUTES = 60;

/**
 * When an account that has now failed `failures` times in a row is locked until: not below the
 * threshold; then 1, 2, 4 … minutes, capped at an hour.
 */
export function lockedUntil(failures: number, now: Date): Date | null {
  if (failures < LOCKOUT_THRESHOLD) {
    return null;
  }
  const minutes = Math.min(2 ** (failures - LOCKOUT_THRESHOLD), LOCKOUT_MAX_MINUTES);
  return new Date(now.getTime() + minutes * 60_000);
}
