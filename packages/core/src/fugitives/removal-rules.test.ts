import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentProblems, escortRule, flightLoad, type Plan, planProblems } from './removal-rules.ts';
import { FlightInput, SuspectRef } from './removal-schemas.ts';

const commercial = {
  id: 'f1',
  kind: 'commercial' as const,
  label: 'KE690',
  seats: null,
  departsAt: '2026-01-23T01:30:00Z',
  arrivesAt: '2026-01-23T07:20:00Z',
};
const charter = { ...commercial, id: 'f2', kind: 'charter' as const, label: 'KE9601', seats: 10 };
const suspect = (id: string, flightId: string | null = null) => ({ id, name: `KIM ${id}`, flightId });
const escort = (id: string, suspectId: string, userId: string | null = id) => ({
  id,
  role: 'escort' as const,
  suspectId,
  flightId: null,
  userId,
});

describe('the escort rule', () => {
  it('accepts two suspects with two escorts each on one commercial flight', () => {
    const plan: Plan = {
      flights: [commercial],
      suspects: [suspect('s1', 'f1'), suspect('s2', 'f1')],
      members: [escort('e1', 's1'), escort('e2', 's1'), escort('e3', 's2'), escort('e4', 's2')],
    };
    expect(planProblems(plan)).toEqual([]);
    expect(flightLoad(plan, 'f1')).toEqual({ suspects: 2, escorts: 4, others: 0, total: 6 });
  });

  it('refuses a third suspect on a commercial flight, naming the field', () => {
    const plan: Plan = {
      flights: [commercial],
      suspects: [suspect('s1', 'f1'), suspect('s2', 'f1'), suspect('s3')],
      members: [],
    };
    const [problem] = assignmentProblems(plan, 's3', 'f1');
    expect(problem?.path).toBe('/flightId');
    expect(problem?.message).toContain('the rule allows 2');
  });

  it('refuses a suspect on two flights', () => {
    const plan: Plan = { flights: [commercial, charter], suspects: [suspect('s1', 'f1')], members: [] };
    expect(assignmentProblems(plan, 's1', 'f2')[0]?.message).toContain('already on flight KE690');
    expect(assignmentProblems(plan, 's1', 'f1')).toEqual([]);
  });

  it('counts everyone aboard a charter against its seats', () => {
    const plan: Plan = {
      flights: [charter],
      suspects: [suspect('s1', 'f2'), suspect('s2', 'f2'), suspect('s3', 'f2')],
      members: [
        ...['a', 'b', 'c', 'd', 'e', 'f'].map((e, i) => escort(e, `s${Math.floor(i / 2) + 1}`)),
        { id: 'm1', role: 'medical', suspectId: null, flightId: 'f2', userId: null },
      ],
    };
    expect(planProblems(plan)).toEqual([]);
    const fourth = assignmentProblems({ ...plan, suspects: [...plan.suspects, suspect('s4')] }, 's4', 'f2');
    expect(fourth[0]?.message).toContain('11 people: it has 10 seats');
    const full = { ...plan, flights: [{ ...charter, seats: 9 }] };
    expect(planProblems(full)[0]).toMatchObject({ path: '/flights/0' });
  });

  it('names a suspect short of escorts, on no flight, and an officer escorting two', () => {
    const plan: Plan = {
      flights: [commercial],
      suspects: [suspect('s1', 'f1'), suspect('s2')],
      members: [escort('e1', 's1', 'o1'), escort('e2', 's1', 'o2'), escort('e3', 's2', 'o1')],
    };
    const paths = planProblems(plan).map((p) => p.path);
    expect(paths).toEqual(['/suspects/1/flightId', '/suspects/1/escorts', '/suspects/1/escorts']);
  });

  it('finds a commercial flight over its limit whatever the plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), (n) => {
        const plan: Plan = {
          flights: [commercial],
          suspects: Array.from({ length: n }, (_, i) => suspect(`s${i}`, 'f1')),
          members: Array.from({ length: n * 2 }, (_, i) => escort(`e${i}`, `s${Math.floor(i / 2)}`)),
        };
        const over = planProblems(plan).some((p) => p.path === '/flights/0');
        expect(over).toBe(n > escortRule.commercialMaxSuspects);
      }),
    );
  });
});

describe('the removal inputs', () => {
  const flight = {
    kind: 'commercial',
    airline: 'Korean Air',
    flightNumber: 'ke690',
    from: 'PNH',
    to: 'ICN',
    departsAt: '2026-01-23T01:30:00+07:00',
    arrivesAt: '2026-01-23T08:20:00+09:00',
  };

  it('accepts a commercial flight and upper-cases its number', () => {
    expect(FlightInput.parse(flight).flightNumber).toBe('KE690');
  });

  it('refuses an arrival before the departure, naming arrivesAt (time zones read)', () => {
    const r = FlightInput.safeParse({ ...flight, arrivesAt: '2026-01-23T03:20:00+09:00' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('/'))).toEqual(['arrivesAt']);
  });

  it('asks a charter for its seats and a commercial flight for its number', () => {
    const r = FlightInput.safeParse({ ...flight, kind: 'charter', flightNumber: undefined });
    expect(r.error?.issues.map((i) => i.path.join('/'))).toEqual(['seats']);
    const c = FlightInput.safeParse({ ...flight, flightNumber: undefined });
    expect(c.error?.issues.map((i) => i.path.join('/'))).toEqual(['flightNumber']);
  });

  it('takes a fugitive or an arrested person, not both nor neither', () => {
    const id = '2b1c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
    expect(SuspectRef.safeParse({ fugitiveId: id }).success).toBe(true);
    expect(SuspectRef.safeParse({ personEntityId: id }).success).toBe(true);
    expect(SuspectRef.safeParse({}).error?.issues[0]?.path).toEqual(['fugitiveId']);
    expect(SuspectRef.safeParse({ fugitiveId: id, personEntityId: id }).success).toBe(false);
  });
});
