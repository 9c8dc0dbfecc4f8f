import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** An HTTP client over `inject` that keeps the session cookie and the CSRF token like the web app does. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly http: FastifyInstance) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.http.inject({ ...options, headers });
    const setCookie = response.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) {
      const pair = first.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }

  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }

  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  async login(email: string, password: string, totp?: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/v1/auth/login', { email, password, ...(totp && { totp }) });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }
}
