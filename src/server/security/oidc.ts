import * as client from 'openid-client';

/** Sign-in through an OpenID Connect provider (config.ts: OVERSIGHT_OIDC_*; ADR 0016). */
export interface OidcSettings {
  /** The provider's issuer identifier (discovery reads `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback, registered at the provider: `…/api/v1/session/oidc/callback`. */
  redirectUri: string;
  /** When not empty, the id_token's `amr` must carry one of these (e.g. `mfa`). */
  requireAmr: readonly string[];
}

/** The one-time values kept in the browser (a short-lived HttpOnly cookie) between start and callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  /** The PKCE code verifier (RFC 7636); the provider only ever saw its S256 challenge. */
  verifier: string;
}

/** What the provider vouched for. */
export interface OidcIdentity {
  subject: string;
  /** The provider-verified email, lower-cased. */
  email: string;
}

/** The provider's answer did not prove who the browser is; `reason` goes to the audit row. */
export class OidcRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`OpenID Connect sign-in rejected: ${reason}`);
  }
}

/** An OpenID Connect relying party: builds the authorization request, verifies the answer. */
export interface OidcClient {
  start(): Promise<{ url: URL; flow: OidcFlow }>;
  /** Exchanges the code from `callbackQuery` (the raw query string) and validates the id_token. */
  finish(callbackQuery: string, flow: OidcFlow): Promise<OidcIdentity>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The relying party of the authorization code flow with PKCE (S256), state and nonce
 * (OpenID Connect Core 1.0 §3.1; RFC 9700 §2.1.1). openid-client validates the id_token's
 * signature, issuer, audience, expiry and nonce, and the state. Only an email the provider marks
 * verified (`email_verified: true`) is accepted. Plain HTTP is allowed for a loopback issuer only
 * (a provider on the same machine, as in the tests).
 */
export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const configured = (): Promise<client.Configuration> => {
    const issuer = new URL(settings.issuer);
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        { redirect_uris: [settings.redirectUri], response_types: ['code'] },
        client.ClientSecretPost(settings.clientSecret),
        LOOPBACK.has(issuer.hostname) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        // a provider that was down is asked again next time
        configuration = undefined;
        throw err;
      });
    return configuration;
  };
  return {
    async start() {
      const config = await configured();
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow };
    },
    async finish(callbackQuery, flow) {
      const config = await configured();
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        throw new OidcRejectedError(typeof code === 'string' ? code : 'code_exchange_failed');
      }
      const claims = tokens.claims();
      if (!claims) {
        throw new OidcRejectedError('no_id_token');
      }
      if (settings.requireAmr.length > 0) {
        const amr = Array.isArray(claims.amr) ? claims.amr : [];
        if (!settings.requireAmr.some((v) => amr.includes(v))) {
          throw new OidcRejectedError('amr_missing');
        }
      }
      let email: unknown = claims.email;
      let verified: unknown = claims.email_verified;
      if (typeof email !== 'string') {
        // providers that keep the id_token small give the email at the userinfo endpoint
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = info.email;
        verified = info.email_verified;
      }
      if (typeof email !== 'string' || verified !== true) {
        throw new OidcRejectedError('email_not_verified');
      }
      return { subject: claims.sub, email: email.trim().toLowerCase() };
    },
  };
}
