/** `email`: an email address, anywhere (5 ILCS 140/2(c-5): a personal email address). */
import { candidatesOf, wholeMatch, type Recognizer } from '../kinds.ts';

const id = 'email';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

export const email: Recognizer = {
  id,
  kinds: ['email'],
  find: (text) => candidatesOf(text, EMAIL, (m) => wholeMatch(id, 'email', m)),
};
