import { expect } from 'vitest';
import {
  agencies,
  describeRuleTable,
  type InputOverrides,
  policyInput,
  type RuleCase,
  readRuleFile,
} from './policy.test-support.ts';

type Markings = InputOverrides['markings'];
/** KNPA receives a CNP item. */
const receive = (markings: Markings = {}, item: InputOverrides['item'] = {}) =>
  policyInput({
    action: 'receive',
    sender: agencies.cnp,
    recipient: agencies.knpa,
    markings: { originAgency: 'CNP', ...markings },
    item,
  });
/** KNPA re-uses a CNP item. */
const reuse = (action: 'forward' | 'export' | 'report', markings: Markings = {}, item = {}) =>
  policyInput({ action, recipient: agencies.nis, markings: { originAgency: 'CNP', ...markings }, item });
const victim = { categories: ['victim_personal_data' as const] };
const judicialMark = {
  en: "Not for judicial use without the provider's consent",
  ko: '제공기관의 동의 없이 사법절차에 사용할 수 없음',
};

const cases: RuleCase[] = [
  [
    "KR-IN-001 blocks forwarding an H2 item without the provider's permission",
    'denied',
    reuse('forward', { handlingCode: 'H2' }),
  ],
  ['KR-IN-001 blocks exporting an H2 item', 'denied', reuse('export', { handlingCode: 'H2' })],
  [
    "KR-IN-001 allows forwarding an H2 item with the provider's permission",
    'not_applicable',
    reuse('forward', { handlingCode: 'H2' }, { providerPermission: true }),
  ],
  [
    'KR-IN-001 lets the originator export its own H2 item',
    'not_applicable',
    reuse('export', { handlingCode: 'H2', originAgency: 'KNPA' }),
  ],
  [
    'KR-IN-002 closes forwarding and export of an H2 item on arrival',
    'obligation',
    receive({ handlingCode: 'H2' }),
    [{ kind: 'no_forward' }, { kind: 'no_export' }],
  ],
  ['KR-IN-002 leaves an H0 item open', 'not_applicable', receive()],
  [
    'KR-IN-003 marks an exported H1 item not for judicial use',
    'obligation',
    reuse('export', { handlingCode: 'H1' }),
    [{ kind: 'mark', text: judicialMark }],
  ],
  ['KR-IN-003 marks a report on an H1 item', 'obligation', reuse('report', { handlingCode: 'H1' })],
  ['KR-IN-003 does not mark an H0 export', 'not_applicable', reuse('export', { handlingCode: 'H0' })],
  [
    "KR-IN-004 shows the provider's H3 note",
    'obligation',
    receive({ handlingCode: 'H3', handlingNote: 'Do not contact the family' }),
    [{ kind: 'notice', text: { en: 'Do not contact the family' } }],
  ],
  [
    'KR-IN-004 shows a standard notice when an H3 item has no note',
    'obligation',
    receive({ handlingCode: 'H3' }),
    [{ kind: 'notice', text: expect.objectContaining({ en: expect.stringContaining('H3') }) }],
  ],
  ['KR-IN-004 adds no notice to an H1 item', 'not_applicable', receive({ handlingCode: 'H1' })],
  ['KR-IN-005 blocks exporting a TLP:RED item', 'denied', reuse('export', { tlp: 'RED' })],
  ['KR-IN-005 allows exporting a TLP:AMBER item', 'not_applicable', reuse('export', { tlp: 'AMBER' })],
  [
    'KR-IN-006 refuses to store an item past its retention date',
    'denied',
    receive({ retainUntil: '2026-11-30' }),
  ],
  [
    'KR-IN-006 stores an item on its last day of retention',
    'not_applicable',
    receive({ retainUntil: '2026-12-01' }),
  ],
  [
    "KR-IN-007 anonymises a victim's data at the provider's date",
    'obligation',
    receive({ retainUntil: '2027-06-30' }, victim),
    [{ kind: 'retain_until', until: '2027-06-30', disposal: 'anonymise' }],
  ],
  [
    "KR-IN-007 anonymises a victim's data after three years when no date is given",
    'obligation',
    receive({}, victim),
    [{ kind: 'retain_until', until: '2029-11-30', disposal: 'anonymise' }],
  ],
  ['KR-IN-007 does not apply to data without a victim', 'not_applicable', receive()],
  [
    'KR-IN-008 purges after five years when no date is given',
    'obligation',
    receive(),
    [{ kind: 'retain_until', until: '2031-12-01', disposal: 'purge' }],
  ],
  [
    "KR-IN-008 caps the provider's date at ten years",
    'obligation',
    receive({ retainUntil: '2045-01-01' }),
    [{ kind: 'retain_until', until: '2036-11-30', disposal: 'purge' }],
  ],
  ['KR-IN-008 does not apply to an export', 'not_applicable', reuse('export')],
];

describeRuleTable(readRuleFile('KR'), 'inbound', cases);
