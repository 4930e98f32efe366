import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';

/**
 * A test's authenticator app: it learns secrets the way a person does (from the enrolment answer
 * or the CLI's output) and computes RFC 6238 codes with `otpauth` on the test's clock. Like a real
 * phone it never offers a code the server has already seen: it takes the next time step not yet
 * used (up to one ahead, the drift the server allows); past that it asks the test to move the
 * clock. No bypass exists on the server side.
 */
export class Authenticator {
  private readonly secrets = new Map<string, string>();
  private readonly lastStep = new Map<string, number>();

  constructor(
    private readonly now: () => Date,
    private readonly advance?: (ms: number) => void,
  ) {}

  /** Adds an account (e.g. the secret the CLI printed). */
  add(email: string, secret: string): void {
    this.secrets.set(email.toLowerCase(), secret);
    this.lastStep.delete(email.toLowerCase());
  }

  secretOf(email: string): string | undefined {
    return this.secrets.get(email.toLowerCase());
  }

  /** The next unused code for the account. */
  code(email: string): string {
    const key = email.toLowerCase();
    const secret = this.secrets.get(key);
    if (!secret) {
      throw new Error(`no TOTP secret for ${email}`);
    }
    let current = Math.floor(this.now().getTime() / 30_000);
    let step = Math.max(current - 1, (this.lastStep.get(key) ?? -Infinity) + 1);
    if (step > current + 1) {
      if (!this.advance) {
        throw new Error(`all codes of this 30-second window were used for ${email}`);
      }
      this.advance((step - current - 1) * 30_000);
      current = Math.floor(this.now().getTime() / 30_000);
      step = Math.max(current - 1, step);
    }
    this.lastStep.set(key, step);
    return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
  }
}

/** A browser session from the two-step sign-in. */
export interface SignedIn {
  cookie: string;
  csrf: string;
  /** The answer that set the cookie. */
  res: LightMyRequestResponse;
  /** The password step's answer. */
  first: LightMyRequestResponse;
}

/**
 * Signs in through the real routes: password, then (enrolling on a first sign-in when the server
 * asks) the code. `cookie` sends a session the browser still holds (rotation).
 */
export async function signInWithCode(
  app: FastifyInstance,
  phone: Authenticator,
  email: string,
  password: string,
  opts: { cookie?: string } = {},
): Promise<SignedIn> {
  const cookies: Record<string, string> = opts.cookie ? { ovs_session: opts.cookie } : {};
  const first = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
    cookies,
  });
  if (first.statusCode !== 200) {
    throw new Error(`password step: ${first.statusCode} ${first.body}`);
  }
  const body = first.json<{ step: string; challenge?: string; secret?: string }>();
  let res = first;
  if (body.step !== 'signed_in') {
    if (body.step === 'enrolment') {
      phone.add(email, body.secret!);
    }
    res = await app.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor',
      payload: { challenge: body.challenge, code: phone.code(email) },
      cookies,
    });
    if (res.statusCode !== 200) {
      throw new Error(`code step: ${res.statusCode} ${res.body}`);
    }
  }
  const cookie = /ovs_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
  return { cookie, csrf: res.json<{ csrfToken: string }>().csrfToken, res, first };
}
