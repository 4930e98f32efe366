import fs from 'node:fs';
import { Secret, TOTP } from 'otpauth';

/**
 * The e2e journeys' authenticator app. It computes RFC 6238 codes with `otpauth` from the secret
 * the demo printed or the enrolment page showed (no bypass on the server). The server refuses a
 * code for a time step it already accepted (replay protection), and several journeys sign in as
 * the same demo user within seconds, so the last step used per user is kept in a file shared by
 * the e2e files of one run; when the current and the next step are used up, it waits for the
 * clock, as a person would.
 */
export class E2eAuthenticator {
  private readonly secrets = new Map<string, string>();

  constructor(
    private readonly stateFile: string,
    private readonly defaultSecret?: string,
  ) {}

  /** Adds an account whose secret differs from the demo one (a fresh enrolment). */
  add(email: string, secret: string): void {
    this.secrets.set(email.toLowerCase(), secret.replace(/\s+/g, ''));
  }

  private readState(): Record<string, number> {
    try {
      return JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as Record<string, number>;
    } catch {
      return {};
    }
  }

  /** The next code the server has not seen for this user. */
  async code(email: string): Promise<string> {
    const key = email.toLowerCase();
    const secret = this.secrets.get(key) ?? this.defaultSecret;
    if (!secret) {
      throw new Error(`no TOTP secret for ${email}: did the demo print one?`);
    }
    const state = this.readState();
    const current = () => Math.floor(Date.now() / 30_000);
    // never the previous step: made at the end of a window, it is two steps old by the time the
    // server checks it and is refused (a sign-in that then times out); the current one is still
    // accepted one window later
    const step = Math.max(current(), (state[key] ?? -Infinity) + 1);
    while (step > current() + 1) {
      // step - 1 becomes current at this moment; a little margin for the server's clock read
      await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 200));
    }
    state[key] = step;
    fs.writeFileSync(this.stateFile, JSON.stringify(state));
    return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
  }
}
