import type { Actor, Role } from '@liaison/core';
import { CaseInput, type CaseInputRaw } from '@liaison/core/cases/index';
import { RescueReportInput } from '@liaison/core/rescue/index';
import { createUser } from '../accounts/users-service.ts';
import { createCase } from '../cases/cases-service.ts';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import { systemActor } from '../cli/system-actor.ts';
import { type AppContext, systemCtx } from '../context.ts';
import { createEntities } from '../graph/entities/entity-writes.ts';
import { createLink } from '../graph/links/link-service.ts';
import { createStaffReport } from '../rescue/intake-service.ts';

// Test records made through the owning features' own writes (validation, audit, indexing and all), never by
// inserting rows: a test that needs a case or an entity gets one as the product would make it.

export const testPassword = 'correct horse battery staple';

/** A user as signed in with a session: the principal a service sees for a request of theirs. */
export async function userPrincipal(app: AppContext, userId: string): Promise<Actor> {
  const user = await app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.agency_id',
      'agencies.code',
      'users.unit_id',
      'users.roles',
      'users.email',
      'users.display_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.code,
    unitId: user.unit_id,
    roles: user.roles as Actor['roles'],
    email: user.email,
    displayName: user.display_name,
    via: 'session',
  };
}

let userCounter = 0;

/** A new user with these roles in the agency (KNPA unless given), created by the accounts service. */
export async function createTestUser(
  app: AppContext,
  roles: Role[],
  agencyCode = 'KNPA',
  password = testPassword,
): Promise<{ email: string; password: string; actor: Actor }> {
  const agency = await app.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', agencyCode)
    .executeTakeFirstOrThrow();
  userCounter += 1;
  const email = `user${userCounter}-${roles.join('-')}@${agencyCode.toLowerCase()}.test`;
  const user = await createUser(systemCtx(app), systemActor(agency), {
    email,
    displayName: email,
    agencyId: agency.id,
    roles,
    password,
    language: 'en',
    timeZone: 'Asia/Seoul',
  });
  return { email, password, actor: await userPrincipal(app, user.id) };
}

/**
 * A case of the actor's agency, led by it, with the actor assigned, created by the cases service; `overrides`
 * set what a test is about (title, markings…).
 */
export async function createTestCase(app: AppContext, actor: Actor, overrides: Partial<CaseInputRaw> = {}) {
  const input = CaseInput.parse(
    caseBody({ leadAgency: actor.agencyCode, assignedOfficerIds: [actor.userId], ...overrides }),
  );
  return createCase(systemCtx(app), actor, input);
}

/** An entity (`{ type, properties }`), in the case when given, created by the entity service with its identifiers. */
export async function createTestEntity(app: AppContext, actor: Actor, body: object, caseId?: string) {
  const [created] = await createEntities(systemCtx(app), actor, [{ ...body, ...(caseId && { caseId }) }]);
  return created!;
}

/** A link between two entities, created by the link service. */
export async function createTestLink(
  app: AppContext,
  actor: Actor,
  link: { type: string; sourceId: string; targetId: string; properties?: Record<string, unknown> },
) {
  return createLink(systemCtx(app), actor, { properties: {}, ...link });
}

/** A staff rescue report (a family's call about a person held in a compound); override what a test is about. */
export function rescueReportBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'family_call',
    consentToProcessing: true,
    reporter: { relation: 'mother', name: '박순자', phone: '010-9876-5432', language: 'ko' },
    person: {
      namesHangul: ['김민준'],
      namesLatin: ['KIM MINJUN'],
      birthDate: '1999-03-14',
      passportNumber: 'M12345678',
      phone: '010-1234-5678',
      telegram: '@minjun99',
    },
    location: { compoundName: 'Golden Fortune Park', province: 'preah_sihanouk', floor: '7', room: '712' },
    narrative:
      'He went for an IT job in August and is held in a compound. They demand ransom to TRON wallet TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf.',
    ransom: { amount: 15000, currency: 'USDT', wallet: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf' },
    indicators: ['violence', 'ransom_demand'],
    ...overrides,
  };
}

/** A rescue case filed from a staff report by the rescue intake service. */
export async function createTestRescueReport(
  app: AppContext,
  actor: Actor,
  overrides: Record<string, unknown> = {},
) {
  return createStaffReport(systemCtx(app), actor, RescueReportInput.parse(rescueReportBody(overrides)));
}
