import type { PolicyParty } from './context.ts';
import {
  agencies,
  describeRuleTable,
  policyInput,
  type RuleCase,
  readRuleFile,
} from './policy.test-support.ts';

/** KNPA sends to CNP unless a case says otherwise. */
const send = policyInput;
const victim = { categories: ['victim_personal_data' as const] };
const vital = { legalBasis: { kind: 'vital_interest' as const } };
const forwardByKnpa = (tlp: 'AMBER+STRICT', recipient: PolicyParty = agencies.nis) =>
  policyInput({ action: 'forward', recipient, markings: { originAgency: 'CNP', tlp } });

const cases: RuleCase[] = [
  [
    "KR-OUT-001 blocks a victim's personal data sent to Cambodia without consent",
    'denied',
    send({ item: victim }),
  ],
  [
    "KR-OUT-001 allows a victim's personal data with recorded consent",
    'satisfied',
    send({ item: { ...victim, consentRecorded: true } }),
  ],
  [
    "KR-OUT-001 allows a victim's personal data on a vital-interest basis",
    'satisfied',
    send({ item: victim, markings: vital }),
  ],
  [
    'KR-OUT-001 does not apply between Korean agencies',
    'not_applicable',
    send({ recipient: agencies.nis, item: victim }),
  ],
  [
    "KR-OUT-002 blocks a minor's data without a vital-interest basis",
    'denied',
    send({ item: { categories: ['minor'], consentRecorded: true } }),
  ],
  [
    "KR-OUT-002 allows a minor's data in a rescue alert",
    'satisfied',
    send({ item: { kind: 'rescue_alert', categories: ['minor'] }, markings: vital }),
  ],
  [
    'KR-OUT-003 blocks an intelligence-source identity leaving Korea',
    'denied',
    send({ item: { categories: ['intelligence_source'] } }),
  ],
  [
    'KR-OUT-003 blocks an intelligence source in a hit query',
    'denied',
    send({ action: 'hit_query', item: { kind: 'hit_query', categories: ['intelligence_source'] } }),
  ],
  [
    'KR-OUT-003 lets a source identity go to another Korean agency',
    'not_applicable',
    send({ recipient: agencies.nis, item: { categories: ['intelligence_source'] } }),
  ],
  [
    'KR-OUT-004 blocks a criminal record without a reference',
    'denied',
    send({
      item: { categories: ['criminal_record'] },
      markings: { legalBasis: { kind: 'police_cooperation' } },
    }),
  ],
  [
    'KR-OUT-004 blocks a criminal record sent on consent',
    'denied',
    send({
      item: { categories: ['criminal_record'] },
      markings: { legalBasis: { kind: 'consent', reference: 'C-1' } },
    }),
  ],
  [
    'KR-OUT-004 allows a criminal record under an Interpol notice',
    'satisfied',
    send({
      item: { categories: ['criminal_record'] },
      markings: { legalBasis: { kind: 'interpol', reference: 'A-1234/5-2026' } },
    }),
  ],
  [
    'KR-OUT-005 blocks fingerprints sent police-to-police',
    'denied',
    send({ item: { categories: ['biometric'] } }),
  ],
  [
    'KR-OUT-005 allows a DNA profile under an MLA request',
    'satisfied',
    send({
      item: { categories: ['dna'] },
      markings: { legalBasis: { kind: 'mutual_legal_assistance', reference: 'MLA-2026-77' } },
    }),
  ],
  [
    'KR-OUT-006 blocks health data sent police-to-police',
    'denied',
    send({ item: { categories: ['health'] } }),
  ],
  [
    'KR-OUT-006 allows health data to protect life',
    'satisfied',
    send({ item: { categories: ['health'] }, markings: vital }),
  ],
  [
    'KR-OUT-007 blocks TLP:RED to an agency that is not named',
    'denied',
    send({ markings: { tlp: 'RED', namedRecipients: ['KH-GDI'] } }),
  ],
  ['KR-OUT-007 blocks TLP:RED when no recipient is named', 'denied', send({ markings: { tlp: 'RED' } })],
  [
    'KR-OUT-007 allows TLP:RED to a named recipient',
    'not_applicable',
    send({ markings: { tlp: 'RED', namedRecipients: ['CNP'] } }),
  ],
  [
    'KR-OUT-008 blocks forwarding TLP:AMBER+STRICT to another agency',
    'denied',
    forwardByKnpa('AMBER+STRICT'),
  ],
  [
    'KR-OUT-008 allows TLP:AMBER+STRICT within the recipient agency',
    'not_applicable',
    forwardByKnpa('AMBER+STRICT', agencies.knpa),
  ],
];

describeRuleTable(readRuleFile('KR'), 'outbound', cases);
