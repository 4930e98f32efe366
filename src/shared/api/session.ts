import { z } from 'zod';
import {
  RevokedOut,
  SecondFactorRequest,
  SessionListOut,
  SessionOut,
  SignInOut,
  SignInRequest,
} from '../schemas/session.ts';
import { SignInMethods } from '../schemas/tokens.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import { del, get, post } from './endpoint.ts';

/** Browser sign-in, the current session, sign-out and the caller's sessions (issue 4). */
export const sessionApi = {
  signIn: post(
    '/session',
    'Sign in with email and password: a session, or the second-factor (or TOTP enrolment) step',
    {
      description:
        'Staff roles need a TOTP code after the password (ADR 0015): the answer then carries a one-time `challenge` (and, for a first sign-in, the new `secret` to enrol) and sets no cookie. Signing in while holding a session ends that session (rotation).',
      body: SignInRequest,
      response: { 200: SignInOut },
    },
  ),
  secondFactor: post(
    '/session/second-factor',
    'Send the TOTP code for a sign-in challenge (confirms enrolment on a first sign-in): sets the session cookie',
    { body: SecondFactorRequest, response: { 200: SessionOut } },
  ),
  current: get('/session', 'The signed-in user and the CSRF token of the current session', {
    response: { 200: SessionOut },
  }),
  signOut: del('/session', 'Sign out: ends the session and clears the cookie', {
    response: { 204: z.null() },
  }),
  list: get('/sessions', 'The caller’s live browser sessions (devices signed in)', {
    response: { 200: SessionListOut },
  }),
  endOthers: del('/sessions', 'End every session of the caller except the current one', {
    response: { 200: RevokedOut },
  }),
  end: del('/sessions/:sessionId', 'End one of the caller’s sessions (another device)', {
    params: z.strictObject({ sessionId: Uuid }),
    response: { 204: z.null(), 404: Problem },
  }),
  endAllOfUser: del(
    '/users/:userId/sessions',
    'Administrator: end every session of a user (takes effect on their next request)',
    { params: z.strictObject({ userId: Uuid }), response: { 200: RevokedOut, 404: Problem } },
  ),
  /** Served with the organization provider's flow (`oidc.routes.ts`). */
  methods: get(
    '/session/methods',
    'How staff sign in here: password, and whether an organization provider is set',
    { response: { 200: SignInMethods } },
  ),
};
