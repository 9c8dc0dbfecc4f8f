import { languages } from '@liaison/core';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type EnumName, enumCatalogue, enumKey, enumLabel } from './enum-labels.ts';

// Every module of the core, so an enum added anywhere in it is found without a list to keep.
const coreModules = import.meta.glob<Record<string, unknown>>(
  ['../../../core/src/**/*.ts', '!../../../core/src/**/*.test.ts', '!../../../core/src/**/*.test-support.ts'],
  { eager: true },
);
const catalogues = import.meta.glob<{ messages: Record<string, Record<string, unknown>> }>(
  ['../features/*/i18n.ts', '../shell/i18n.ts', './i18n.ts'],
  { eager: true },
);

/** Core enums no screen shows as words, each with the reason; anything else the core exports must be in `enumCatalogue`. */
const notShown: Record<string, string> = {
  FieldProblemCode: 'field problems are worded by ui:fieldProblems (field-problem-text.test.ts)',
  tlpLevels: 'the same as Tlp',
  auditedReadTlps: 'a subset of Tlp',
  Tlp: 'TLP levels are shown as their FIRST standard names (TLP:AMBER), the same in every language',
  permissions: 'permission names are the API contract, shown only to administrators beside role names',
  caseDataPermissions: 'a subset of permissions',
  AttachmentMediaType: 'media types are shown as the file name and size, never as the MIME type',
  SortDirection: 'shown as a sort arrow',
  NoteFormat: 'stored format of a note, not shown',
  ExchangeEventType: 'live event names on the wire, not shown',
  itemKinds: 'the same as ItemKind',
  policyActions: 'the same as PolicyAction',
  ItemKind: 'policy rule vocabulary, edited as code by the administrator',
  PolicyAction: 'policy rule vocabulary, edited as code by the administrator',
  conditionOperators: 'policy rule vocabulary, edited as code by the administrator',
  fieldPaths: 'policy rule vocabulary, edited as code by the administrator',
  BLOCKING_KINDS: 'internal index keys of person matching',
  chainAliasNames: 'words the extractor reads, not codes',
  nameKinds: 'graph person name kinds: shown in the entity form by graph:properties',
  fileKinds: 'the same as FugitiveFileKind',
  FugitiveFileKind: 'a file is shown by its name and thumbnail',
  ExploitationType: 'screening detail not displayed by the web yet',
  MeansOfControl: 'screening detail not displayed by the web yet',
  PerpetratorRole: 'screening detail not displayed by the web yet',
  RecruitmentApp: 'screening detail not displayed by the web yet',
  RecruitmentMethod: 'screening detail not displayed by the web yet',
  ScreeningAnswer: 'shown as yes/no/unknown radio buttons worded by rescue:forms.screening',
};

type CoreEnum = { name: string; where: string; values: readonly string[] };

function coreEnums(): CoreEnum[] {
  const found = new Map<string, CoreEnum>();
  for (const [path, module] of Object.entries(coreModules)) {
    for (const [name, value] of Object.entries(module)) {
      let values: readonly string[] | undefined;
      if (value instanceof z.ZodEnum) values = value.options as readonly string[];
      else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'))
        values = value;
      if (!values || values.some((v) => typeof v !== 'string')) continue;
      const id = `${name}:${values.join()}`;
      if (!found.has(id)) found.set(id, { name, where: path.replace('../../../core/src/', ''), values });
    }
  }
  return [...found.values()];
}

beforeAll(async () => {
  const resources: Record<string, Record<string, unknown>> = { en: {}, ko: {}, km: {} };
  for (const [path, module] of Object.entries(catalogues)) {
    const parts = path.split('/');
    const namespace = path === './i18n.ts' ? 'ui' : (parts[parts.length - 2] ?? 'ui');
    for (const language of languages) resources[language]![namespace] = module.messages[language];
  }
  await i18next.init({
    resources: resources as never,
    lng: 'en',
    fallbackLng: false,
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
});

describe('every code of the core has words in every language', () => {
  it('every enum the core exports is mapped to a catalogue, or said why it is never shown', () => {
    const mapped = Object.values(enumCatalogue).map((e) => new Set(e.values));
    const unmapped = coreEnums()
      .filter((e) => !(e.name in notShown))
      .filter((e) => !mapped.some((set) => e.values.every((v) => set.has(v))))
      .map((e) => `${e.where} ${e.name} (${e.values.slice(0, 4).join(', ')}…)`);
    expect(unmapped).toEqual([]);
  });

  for (const language of languages) {
    it(`in ${language}, every value has its own words and the label is never the raw code`, async () => {
      await i18next.changeLanguage(language);
      const missing: string[] = [];
      for (const [name, entry] of Object.entries(enumCatalogue) as [
        EnumName,
        (typeof enumCatalogue)[EnumName],
      ][]) {
        for (const value of entry.values) {
          const key = enumKey(name, value);
          const [namespace, path] = key.split(':') as [string, string];
          // A count-dependent phrase (`namesakes_one`, `namesakes_other`) is worded by its plural forms.
          const words =
            i18next.getResource(language, namespace, path) ??
            i18next.getResource(language, namespace, `${path}_other`);
          const label = enumLabel(name, value);
          // The code itself is never a label, save an English code that is already a plain word ("requested") or an
          // abbreviation read the same in every language ("UTC").
          const asCode = label === value && /[a-z]/.test(value) && (language !== 'en' || /[_./]/.test(value));
          const raw = typeof words !== 'string' || words.trim() === '' || asCode;
          if (raw) missing.push(`${name}.${value} → ${key}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
