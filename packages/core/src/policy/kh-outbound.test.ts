import {
  agencies,
  describeRuleTable,
  type InputOverrides,
  policyInput,
  type RuleCase,
  readRuleFile,
} from './policy.test-support.ts';

type Markings = InputOverrides['markings'];
const cnpMarkings = (markings: Markings = {}) => ({
  originAgency: 'CNP',
  legalBasis: { kind: 'police_cooperation' as const, reference: 'CNP-KD-2026-031' },
  ...markings,
});
/** CNP sends its own item to KNPA. */
const toKorea = (item: InputOverrides['item'], markings?: Markings) =>
  policyInput({ sender: agencies.cnp, recipient: agencies.knpa, item, markings: cnpMarkings(markings) });
/** CNP sends its own item to the Cambodian immigration department. */
const domestic = (item: InputOverrides['item'], markings?: Markings) =>
  policyInput({
    sender: agencies.cnp,
    recipient: agencies.immigration,
    item,
    markings: cnpMarkings(markings),
  });
const noReference = { legalBasis: { kind: 'police_cooperation' as const } };
const raidSite = { categories: ['location' as const], ongoingOperation: true };

const cases: RuleCase[] = [
  [
    'KH-OUT-001 blocks data on a Cambodian national without a reference',
    'denied',
    toKorea({ subjectNationalities: ['KH'] }, noReference),
  ],
  [
    'KH-OUT-001 allows data on a Cambodian national under a referenced request',
    'satisfied',
    toKorea({ subjectNationalities: ['KR', 'KH'] }),
  ],
  [
    'KH-OUT-001 does not apply to data on Korean nationals only',
    'not_applicable',
    toKorea({ subjectNationalities: ['KR'] }, noReference),
  ],
  [
    "KH-OUT-002 blocks an ongoing raid's location at TLP:AMBER",
    'denied',
    toKorea(raidSite, { tlp: 'AMBER' }),
  ],
  [
    "KH-OUT-002 blocks an ongoing raid's location even to another Cambodian agency",
    'denied',
    domestic(raidSite, { tlp: 'GREEN' }),
  ],
  [
    "KH-OUT-002 allows an ongoing raid's location at TLP:AMBER+STRICT",
    'satisfied',
    toKorea(raidSite, { tlp: 'AMBER+STRICT' }),
  ],
  [
    "KH-OUT-002 allows an ongoing raid's location at TLP:RED",
    'satisfied',
    toKorea(raidSite, { tlp: 'RED', namedRecipients: ['KNPA'] }),
  ],
  [
    'KH-OUT-002 does not apply once the operation has ended',
    'not_applicable',
    toKorea({ categories: ['location'], ongoingOperation: false }, { tlp: 'GREEN' }),
  ],
  [
    'KH-OUT-003 blocks an intelligence-source identity leaving Cambodia',
    'denied',
    toKorea({ categories: ['intelligence_source'] }),
  ],
  [
    'KH-OUT-003 lets a source identity go to another Cambodian agency',
    'not_applicable',
    domestic({ categories: ['intelligence_source'] }),
  ],
  [
    "KH-OUT-004 blocks a victim's data without consent, vital interest or MLA",
    'denied',
    toKorea({ categories: ['victim_personal_data'] }),
  ],
  [
    "KH-OUT-004 allows a victim's data under an MLA request",
    'satisfied',
    toKorea(
      { categories: ['victim_personal_data'] },
      { legalBasis: { kind: 'mutual_legal_assistance', reference: 'MLA-KH-9' } },
    ),
  ],
  [
    "KH-OUT-004 allows a victim's data with recorded consent",
    'satisfied',
    toKorea({ categories: ['victim_personal_data'], consentRecorded: true }),
  ],
  ["KH-OUT-005 blocks a minor's data sent police-to-police", 'denied', toKorea({ categories: ['minor'] })],
  [
    "KH-OUT-005 allows a minor's data to protect life",
    'satisfied',
    toKorea({ categories: ['minor'] }, { legalBasis: { kind: 'vital_interest', reference: 'RESCUE-17' } }),
  ],
  ['KH-OUT-006 blocks fingerprints sent police-to-police', 'denied', toKorea({ categories: ['biometric'] })],
  [
    'KH-OUT-006 blocks DNA via Interpol without a notice reference',
    'denied',
    toKorea({ categories: ['dna'] }, { legalBasis: { kind: 'interpol' } }),
  ],
  [
    'KH-OUT-006 allows fingerprints via Interpol with a reference',
    'satisfied',
    toKorea({ categories: ['biometric'] }, { legalBasis: { kind: 'interpol', reference: 'A-77/2026' } }),
  ],
  [
    'KH-OUT-007 blocks TLP:RED to an agency that is not named',
    'denied',
    toKorea({}, { tlp: 'RED', namedRecipients: ['KR-NIS'] }),
  ],
  [
    'KH-OUT-007 allows TLP:RED to a named recipient',
    'not_applicable',
    toKorea({}, { tlp: 'RED', namedRecipients: ['KNPA'] }),
  ],
  [
    'KH-OUT-008 blocks forwarding TLP:AMBER+STRICT outside the agency',
    'denied',
    policyInput({
      action: 'forward',
      sender: agencies.cnp,
      recipient: agencies.immigration,
      markings: { tlp: 'AMBER+STRICT' },
    }),
  ],
  [
    'KH-OUT-008 allows forwarding TLP:AMBER',
    'not_applicable',
    policyInput({
      action: 'forward',
      sender: agencies.cnp,
      recipient: agencies.immigration,
      markings: { tlp: 'AMBER' },
    }),
  ],
];

describeRuleTable(readRuleFile('KH'), 'outbound', cases);
