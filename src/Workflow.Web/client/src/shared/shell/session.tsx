// Who is signed in, read once from GET /auth/session (which answers 200 whether or not someone is,
// so checking never logs a 401) and cached; signing in or out refreshes it.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, onSignedOut, unwrap, type Schemas } from '../api/client';

export type Me = Schemas['UserSummary'];
export type Role = 'admin' | 'designer' | 'planner' | 'expert';

interface Session {
  user: Me | null;
  /** The language the user saved, if any. */
  language: string | null;
  settings: Schemas['AuthClientSettings'];
  loading: boolean;
  has(...roles: Role[]): boolean;
  refresh(): Promise<unknown>;
}

const SessionContext = createContext<Session | null>(null);

export const sessionKey = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: sessionKey, queryFn: () => unwrap(api.GET('/auth/session')), staleTime: 5 * 60_000 });
  useEffect(() => {
    const off = onSignedOut(() => void client.invalidateQueries({ queryKey: sessionKey }));
    return () => { off(); };
  }, [client]);
  const user = query.data?.user ?? null;
  const value: Session = {
    user,
    language: query.data?.language ?? null,
    settings: query.data?.settings ?? { mapTileUrl: null, mapAttribution: null },
    loading: query.isPending,
    has: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
    refresh: () => client.invalidateQueries({ queryKey: sessionKey }),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
