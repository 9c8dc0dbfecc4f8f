import { describe, expect, expectTypeOf, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import { entityCaption } from './caption.ts';
import { entityIdentifiers } from './entity-identifiers.ts';
import {
  EntityInput,
  type EntityProperties,
  entityInputSchema,
  validateEntityInput,
} from './entity-schema.ts';
import { entityTypeNames, entityTypes } from './entity-types.ts';
import { latestTodayIso } from './property-schema.ts';
import { cambodianProvinceCodes } from './provinces.ts';

const person = {
  type: 'person',
  properties: {
    names: [
      { value: '김민수', script: 'hangul', kind: 'primary' },
      { value: 'KIM MINSU', script: 'latin', kind: 'romanised' },
    ],
    birthDate: '2001-04-21',
    nationalities: ['KR'],
    passportNumbers: ['M12345678'],
  },
};

function problems(input: unknown) {
  try {
    validateEntityInput(input);
  } catch (error) {
    if (error instanceof LiaisonError) return error.fields;
    throw error;
  }
  return [];
}

describe('entity validation', () => {
  it('accepts a person with names in two scripts', () => {
    expect(EntityInput.parse(person)).toEqual(person);
  });

  it('rejects a birth date in the future at /properties/birthDate', () => {
    const future = { ...person, properties: { ...person.properties, birthDate: '2999-01-01' } };
    expect(problems(future)).toEqual([
      { path: '/properties/birthDate', message: 'This date cannot be in the future', code: 'custom' },
    ]);
  });

  it('accepts a birth date of today wherever today has begun', () => {
    const today = { ...person, properties: { ...person.properties, birthDate: latestTodayIso() } };
    expect(problems(today)).toEqual([]);
  });

  it('rejects an unknown property by name', () => {
    const extra = { ...person, properties: { ...person.properties, favouriteColour: 'red' } };
    expect(problems(extra)).toEqual([
      {
        path: '/properties/favouriteColour',
        message: "Unknown property 'favouriteColour'",
        code: 'unrecognized_keys',
        params: { keys: ['favouriteColour'] },
      },
    ]);
  });

  it('reports every problem with its path', () => {
    const bad = {
      type: 'compound',
      properties: { name: '', province: 'Bangkok', coordinates: { lat: 95, lon: 103.5 } },
    };
    expect(problems(bad)?.map((problem) => problem.path)).toEqual([
      '/properties/name',
      '/properties/province',
      '/properties/coordinates/lat',
    ]);
  });

  it('requires the bank of a bank account and the chain of a wallet', () => {
    expect(problems({ type: 'bank_account', properties: { number: '110-123-456789' } })?.[0]?.path).toBe(
      '/properties/bank',
    );
    expect(problems({ type: 'crypto_wallet', properties: { address: 'TXk8' } })?.[0]?.path).toBe(
      '/properties/chain',
    );
  });

  it('refuses two primary names and an unknown entity type', () => {
    const twoPrimary = {
      type: 'person',
      properties: { names: [person.properties.names[0], person.properties.names[0]] },
    };
    expect(problems(twoPrimary)?.[0]?.path).toBe('/properties/names');
    expect(problems({ type: 'spaceship', properties: {} })?.[0]?.path).toBe('/type');
  });

  it('derives property types from the description', () => {
    expectTypeOf<EntityProperties<'crypto_wallet'>['chain']>().toEqualTypeOf<
      'tron' | 'ethereum' | 'bitcoin' | 'bsc' | 'solana' | 'polygon' | 'other'
    >();
    expectTypeOf<EntityProperties<'compound'>['coordinates']>().toEqualTypeOf<
      { lat: number; lon: number } | undefined
    >();
    expect(
      entityInputSchema('phone').safeParse({ type: 'phone', properties: { number: '010-1234-5678' } })
        .success,
    ).toBe(true);
  });
});

describe('entity descriptions', () => {
  it('describes all 11 types with labels in three languages and the 25 provinces', () => {
    expect(entityTypeNames).toHaveLength(11);
    for (const type of entityTypeNames)
      expect(Object.keys(entityTypes[type].label)).toEqual(['en', 'ko', 'km']);
    expect(cambodianProvinceCodes).toHaveLength(25);
  });

  it('captions a person by primary name and birth year, a compound by name and province', () => {
    expect(entityCaption('person', person.properties)).toBe('김민수 (2001)');
    const compound = { name: 'Golden Fortune', province: 'preah_sihanouk' };
    expect(entityCaption('compound', compound)).toBe('Golden Fortune (Preah Sihanouk)');
    expect(entityCaption('compound', compound, 'km')).toBe('Golden Fortune (ព្រះសីហនុ)');
    expect(entityCaption('crypto_wallet', { address: 'TXk8', chain: 'tron' })).toBe('TXk8 (tron)');
  });

  it('lists the identifiers an entity carries, with their qualifier', () => {
    expect(entityIdentifiers('person', person.properties)).toEqual([
      { kind: 'passport', value: 'M12345678', property: 'passportNumbers' },
    ]);
    expect(entityIdentifiers('bank_account', { number: '110-123-456789', bank: 'Shinhan' })).toEqual([
      { kind: 'bank_account', value: '110-123-456789', property: 'number', qualifier: 'Shinhan' },
    ]);
    const idCard = { documentType: 'national_id', number: '010203', issuingCountry: 'KH' };
    expect(entityIdentifiers('identity_document', idCard).map((identifier) => identifier.kind)).toEqual([
      'national_id',
    ]);
  });
});
