import { describe, expect, it } from 'vitest';
import { children, crimeTaxonomy, isCrimeType, label, parentOf } from './crime-taxonomy.ts';

describe('crime taxonomy', () => {
  it('knows its codes and rejects anything else', () => {
    expect(isCrimeType('voice_phishing')).toBe(true);
    expect(isCrimeType('homicide')).toBe(true);
    expect(isCrimeType('jaywalking')).toBe(false);
    expect(isCrimeType(42)).toBe(false);
  });

  it('labels a code in English, Korean and Khmer', () => {
    expect(label('voice_phishing', 'en')).toBe('Voice phishing');
    expect(label('voice_phishing', 'ko')).toBe('보이스피싱');
    expect(label('illegal_gambling', 'km')).toBe('ល្បែងស៊ីសងខុសច្បាប់');
  });

  it('lists the seven families, then the offences under each', () => {
    expect(children(null)).toEqual([
      'online_scam',
      'drugs',
      'illegal_gambling',
      'confinement_trafficking',
      'money_laundering',
      'kidnapping_extortion',
      'homicide',
    ]);
    expect(children('online_scam')).toHaveLength(8);
    expect(children('drugs')).toEqual(['drug_trafficking', 'drug_possession', 'drug_manufacture']);
    expect(children('money_laundering')).toEqual(['mule_accounts', 'crypto_laundering']);
    expect(children('homicide')).toEqual([]);
    expect(parentOf('sextortion')).toBe('online_scam');
    expect(parentOf('drugs')).toBeNull();
  });

  it('has unique codes, every parent known, and every label filled', () => {
    const codes = crimeTaxonomy.map((node) => node.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const node of crimeTaxonomy) {
      if (node.parent !== null) expect(codes).toContain(node.parent);
      expect(Object.values(node.label).every((text) => text.length > 0)).toBe(true);
    }
  });
});
