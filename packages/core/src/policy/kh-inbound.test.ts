import {
  agencies,
  describeRuleTable,
  type InputOverrides,
  policyInput,
  type RuleCase,
  readRuleFile,
} from './policy.test-support.ts';

type Markings = InputOverrides['markings'];
/** CNP receives a KNPA item. */
const receive = (markings: Markings = {}, item: InputOverrides['item'] = {}) =>
  policyInput({ action: 'receive', sender: agencies.knpa, recipient: agencies.cnp, markings, item });
/** CNP re-uses a KNPA item. */
const reuse = (action: 'forward' | 'export' | 'report', markings: Markings = {}, item = {}) =>
  policyInput({ action, sender: agencies.cnp, recipient: agencies.immigration, markings, item });
const judicialUse = "Not for judicial use without the provider's consent";

const cases: RuleCase[] = [
  [
    'KH-IN-001 blocks forwarding a Korean H2 item without permission',
    'denied',
    reuse('forward', { handlingCode: 'H2' }),
  ],
  [
    'KH-IN-001 allows forwarding a Korean H2 item with permission',
    'not_applicable',
    reuse('forward', { handlingCode: 'H2' }, { providerPermission: true }),
  ],
  [
    'KH-IN-002 closes forwarding and export of an H2 item on arrival',
    'obligation',
    receive({ handlingCode: 'H2' }),
    [{ kind: 'no_forward' }, { kind: 'no_export' }],
  ],
  ['KH-IN-002 leaves an H1 item open', 'not_applicable', receive({ handlingCode: 'H1' })],
  [
    'KH-IN-003 marks a report on a Korean H1 item not for judicial use',
    'obligation',
    reuse('report', { handlingCode: 'H1' }),
    [{ kind: 'mark', text: { en: judicialUse, ko: '제공기관의 동의 없이 사법절차에 사용할 수 없음' } }],
  ],
  ['KH-IN-003 does not mark a report on an H0 item', 'not_applicable', reuse('report')],
  [
    "KH-IN-004 shows the provider's H3 note",
    'obligation',
    receive({ handlingCode: 'H3', handlingNote: 'Share with IOM only after screening' }),
    [{ kind: 'notice', text: { en: 'Share with IOM only after screening' } }],
  ],
  ['KH-IN-004 adds no notice to an H2 item', 'not_applicable', receive({ handlingCode: 'H2' })],
  [
    'KH-IN-005 blocks exporting a Korean item about an ongoing operation',
    'denied',
    reuse('export', {}, { ongoingOperation: true }),
  ],
  [
    'KH-IN-005 lets CNP export its own operation item',
    'not_applicable',
    reuse('export', { originAgency: 'CNP' }, { ongoingOperation: true }),
  ],
  [
    "KH-IN-006 anonymises a victim's data after two years when no date is given",
    'obligation',
    receive({}, { categories: ['victim_personal_data'] }),
    [{ kind: 'retain_until', until: '2028-11-30', disposal: 'anonymise' }],
  ],
  [
    "KH-IN-006 does not apply to a suspect's data",
    'not_applicable',
    receive({}, { categories: ['suspect_personal_data'] }),
  ],
  [
    "KH-IN-007 purges at the provider's retention date",
    'obligation',
    receive({ retainUntil: '2027-03-31' }),
    [{ kind: 'retain_until', until: '2027-03-31', disposal: 'purge' }],
  ],
  [
    'KH-IN-007 purges after three years when no date is given',
    'obligation',
    receive(),
    [{ kind: 'retain_until', until: '2029-12-01', disposal: 'purge' }],
  ],
  [
    "KH-IN-007 caps the provider's date at five years",
    'obligation',
    receive({ retainUntil: '2040-01-01' }),
    [{ kind: 'retain_until', until: '2031-12-01', disposal: 'purge' }],
  ],
  ['KH-IN-007 does not apply to a forward', 'not_applicable', reuse('forward')],
];

describeRuleTable(readRuleFile('KH'), 'inbound', cases);
