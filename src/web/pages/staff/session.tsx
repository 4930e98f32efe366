import { createContext, useContext } from 'react';
import type { Session } from '../../api/client.ts';

/** The signed-in user, for pages that adapt to roles (the server still decides every action). */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) {
    throw new Error('useSession outside a signed-in staff app');
  }
  return s;
}
