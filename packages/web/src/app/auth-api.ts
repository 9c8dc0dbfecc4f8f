import type { Language, LoginInput, LoginSession, Me, TotpConfirmation, TotpSetup } from '@liaison/core';
import { api, setCsrfToken } from './api.ts';

/** Typed calls for signing in and out, the current user and their preferences. */
export const authApi = {
  async login(input: LoginInput): Promise<void> {
    const { csrfToken } = await api.post<LoginSession>('/api/v1/auth/login', input);
    setCsrfToken(csrfToken);
  },
  async logout(): Promise<void> {
    await api.post<void>('/api/v1/auth/logout', {});
    setCsrfToken('');
  },
  async me(): Promise<Me> {
    const me = await api.get<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  savePreferences: (preferences: { language?: Language; timeZone?: string }) =>
    api.patch<void>('/api/v1/me/preferences', preferences),
  startTotp: () => api.post<TotpSetup>('/api/v1/auth/totp/setup', {}),
  confirmTotp: (code: string) => api.post<TotpConfirmation>('/api/v1/auth/totp/confirm', { code }),
};
