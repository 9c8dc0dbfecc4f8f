import type { Language, LoginInput, Me } from '@liaison/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, sessionExpiredEvent } from './api.ts';
import { authApi } from './auth-api.ts';
import { applyLanguage } from './i18n.ts';

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

interface Session {
  state: SessionState;
  /** Re-reads /me (after login, enrolment, or a 401 anywhere). */
  refresh(): Promise<void>;
  login(input: LoginInput): Promise<void>;
  logout(): Promise<void>;
  /** Applies a language at once and saves it to the user's preferences when signed in. */
  changeLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await authApi.me();
      await applyLanguage(me.language);
      setState({ status: 'signed-in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out' });
      else throw error;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'signed-out' }));
  }, [refresh]);

  useEffect(() => {
    const expired = () =>
      setState((current) => (current.status === 'signed-in' ? { status: 'signed-out' } : current));
    globalThis.addEventListener(sessionExpiredEvent, expired);
    return () => globalThis.removeEventListener(sessionExpiredEvent, expired);
  }, []);

  const session = useMemo<Session>(
    () => ({
      state,
      refresh,
      async login(input) {
        await authApi.login(input);
        await refresh();
      },
      async logout() {
        try {
          await authApi.logout();
        } finally {
          setState({ status: 'signed-out' });
        }
      },
      async changeLanguage(language) {
        await applyLanguage(language);
        if (state.status !== 'signed-in') return;
        setState({ status: 'signed-in', me: { ...state.me, language } });
        await authApi.savePreferences({ language });
      },
    }),
    [state, refresh],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}

export function useCan(): (permission: string | undefined) => boolean {
  const me = useMe();
  return useCallback((permission) => permission === undefined || me.permissions.includes(permission), [me]);
}
