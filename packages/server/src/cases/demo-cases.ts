import type { Actor } from '@liaison/core';
import type { CaseInputRaw } from '@liaison/core/cases/index';
import { CaseInput } from '@liaison/core/cases/index';
import type { Ctx } from '../context.ts';
import { createCase } from './cases-service.ts';
import { createNote } from './notes-service.ts';
import { createTask } from './tasks-service.ts';
import { addTimelineEvent } from './timeline-service.ts';

/** Demo cases drawn from public reporting (shared/README.md); figures are illustrative. */
const demoCases: {
  owner: string;
  input: CaseInputRaw;
  task?: string;
  note?: { body: string; language: 'en' | 'ko' | 'km' };
  event?: { occurredAt: string; kind: 'arrest' | 'deportation' | 'report_received'; text: string };
}[] = [
  {
    owner: 'investigator@knpa.demo',
    input: {
      title: '캄보디아 거점 보이스피싱 조직 (바벳)',
      summary: '검찰 사칭 보이스피싱. 피해금은 대포통장을 거쳐 TRON USDT로 세탁.',
      language: 'ko',
      crimeTypes: ['voice_phishing', 'investigator_impersonation'],
      priority: 'high',
      leadAgency: 'KNPA',
      markings: { tlp: 'AMBER', handlingCode: 'H1' },
    },
    task: 'Request freeze of the mule accounts listed by victims',
    note: { body: '피해자 12명 진술 확보. 텔레그램 ID 3개 공통.', language: 'ko' },
    event: {
      occurredAt: '2026-01-23T09:00:00+09:00',
      kind: 'deportation',
      text: 'Charter flight: 73 suspects returned to Incheon.',
    },
  },
  {
    owner: 'investigator@cnp.demo',
    input: {
      title: 'Scam compound in Sihanoukville: forced criminality',
      summary:
        'Korean nationals confined and forced to run romance scams; compound has moved once after a raid.',
      language: 'en',
      crimeTypes: ['romance_pig_butchering'],
      priority: 'critical',
      leadAgency: 'CNP',
      markings: { tlp: 'AMBER+STRICT', handlingCode: 'H2' },
    },
    task: 'Confirm current compound location with the attaché',
    event: {
      occurredAt: '2025-12-05T06:00:00+07:00',
      kind: 'arrest',
      text: 'First joint raid; suspects detained by immigration.',
    },
  },
  {
    owner: 'investigator@knpa.demo',
    input: {
      title: 'Investment tip chat rooms laundering through USDT',
      language: 'en',
      crimeTypes: ['investment'],
      leadAgency: 'KNPA',
      markings: { tlp: 'GREEN', handlingCode: 'H0' },
    },
  },
];

/** Idempotent: a demo case whose title exists is left alone. */
export async function seedDemoCases(ctx: Ctx): Promise<void> {
  const db = ctx.app.db;
  for (const spec of demoCases) {
    const exists = await db
      .selectFrom('cases')
      .select('id')
      .where('title', '=', spec.input.title)
      .executeTakeFirst();
    if (exists) continue;
    const user = await db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.agency_id',
        'users.unit_id',
        'users.roles',
        'users.email',
        'users.display_name',
        'agencies.code',
      ])
      .where('users.email', '=', spec.owner)
      .executeTakeFirst();
    if (!user) continue;
    const actor: Actor = {
      userId: user.id,
      agencyId: user.agency_id,
      agencyCode: user.code,
      unitId: user.unit_id,
      roles: user.roles,
      email: user.email,
      displayName: user.display_name,
      via: 'system',
      job: 'demo',
    };
    const created = await createCase(ctx, actor, CaseInput.parse(spec.input));
    if (spec.task)
      await createTask(ctx, actor, created.id, {
        title: spec.task,
        assigneeId: user.id,
        dueDate: null,
        status: 'todo',
      });
    if (spec.note) await createNote(ctx, actor, created.id, { ...spec.note, format: 'markdown' });
    if (spec.event) await addTimelineEvent(ctx, actor, created.id, spec.event);
  }
}
