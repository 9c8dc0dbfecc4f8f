import type { Actor, Permission } from '@liaison/core';

/**
 * What a route requires. Every route must declare one (deny by default: the app refuses to start otherwise).
 * - `public`: anyone, no session (health, login, the public rescue form).
 * - `enrolling`: a session that may still owe a TOTP enrolment (me, logout, TOTP set-up).
 * - `signed-in`: any fully signed-in user.
 * - a permission: a signed-in user holding it; a list of permissions: a user holding any of them.
 */
export type Access = 'public' | 'enrolling' | 'signed-in' | Permission | Permission[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: { hash: string; csrfToken: string; mustEnrolTotp: boolean } | null;
  }
}
