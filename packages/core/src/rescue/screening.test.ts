import { describe, expect, it } from 'vitest';
import { type ScreeningAnswers, ScreeningRecord, screen } from './screening.ts';

const allNo: ScreeningAnswers = {
  deception_in_recruitment: 'no',
  confinement: 'no',
  debt_bondage: 'no',
  violence_or_threats: 'no',
  documents_withheld: 'no',
  threat_of_law_enforcement: 'no',
  forced_to_commit_crimes: 'no',
  restricted_communication: 'no',
};

describe('screen', () => {
  it.each<[string, ScreeningAnswers, string]>([
    [
      'deceived, confined and forced to scam is a likely victim',
      { ...allNo, deception_in_recruitment: 'yes', confinement: 'yes', forced_to_commit_crimes: 'yes' },
      'likely_victim_of_trafficking',
    ],
    [
      'two means of control and forced crime is a likely victim',
      { ...allNo, debt_bondage: 'yes', documents_withheld: 'yes', forced_to_commit_crimes: 'yes' },
      'likely_victim_of_trafficking',
    ],
    [
      'forced crime without a means of control is possible',
      { ...allNo, forced_to_commit_crimes: 'yes' },
      'possible',
    ],
    ['a means of control alone is possible', { ...allNo, confinement: 'yes' }, 'possible'],
    ['deception alone is unlikely', { ...allNo, deception_in_recruitment: 'yes' }, 'unlikely'],
    ['all no is unlikely', allNo, 'unlikely'],
    ['mostly unknown is inconclusive', { deception_in_recruitment: 'no', confinement: 'no' }, 'inconclusive'],
    ['nothing answered is inconclusive', {}, 'inconclusive'],
  ])('%s', (_name, answers, outcome) => {
    expect(screen(answers).outcome).toBe(outcome);
  });

  it('recommends non-punishment for a likely victim forced to commit crimes', () => {
    const result = screen({
      ...allNo,
      deception_in_recruitment: 'yes',
      confinement: 'yes',
      forced_to_commit_crimes: 'yes',
    });
    expect(result.recommendNonPunishment).toBe(true);
  });

  it('does not recommend non-punishment for a possible victim', () => {
    expect(screen({ ...allNo, forced_to_commit_crimes: 'yes' }).recommendNonPunishment).toBe(false);
  });

  it('gives the yes and unknown answers as reasons', () => {
    const { reasons } = screen({ ...allNo, confinement: 'yes', debt_bondage: 'unknown' });
    expect(reasons.map((r) => [r.indicator, r.answer])).toEqual([
      ['confinement', 'yes'],
      ['debt_bondage', 'unknown'],
    ]);
  });
});

describe('ScreeningRecord', () => {
  it('accepts HTCDS-like fields', () => {
    const record = ScreeningRecord.parse({
      answers: { confinement: 'yes' },
      recruitment: { method: 'false_job_offer', app: 'telegram' },
      meansOfControl: ['debt_bondage', 'withheld_documents'],
      exploitationTypes: ['forced_criminality'],
      perpetratorRoles: ['recruiter', 'exploiter'],
      screenedAt: '2026-02-01T10:00:00+07:00',
      screenedBy: 'officer-3',
    });
    expect(record.perpetratorRoles).toEqual(['recruiter', 'exploiter']);
  });

  it('rejects a value listed twice', () => {
    const parsed = ScreeningRecord.safeParse({
      answers: {},
      perpetratorRoles: ['recruiter', 'recruiter'],
      screenedAt: '2026-02-01T10:00:00Z',
      screenedBy: 'officer-3',
    });
    expect(parsed.success).toBe(false);
  });
});
