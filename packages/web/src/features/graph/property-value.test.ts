import { describe, expect, it } from 'vitest';
import { nameScript, propertyText } from './property-value.ts';

describe('property text', () => {
  it('lists names with their kind and labels enum codes in the UI language', () => {
    const names = [
      { value: '한복남', script: 'hangul', kind: 'primary' },
      { value: 'HAN BOKNAM', script: 'latin', kind: 'romanised' },
    ];
    expect(propertyText('person', 'names', names, 'en')).toBe('한복남 (primary), HAN BOKNAM (romanised)');
    expect(propertyText('compound', 'province', 'preah_sihanouk', 'ko')).toBe('프레아시아누크');
    expect(propertyText('phone', 'number', '+855 12 345 678', 'ko')).toBe('+855 12 345 678');
  });

  it('tells the script of a typed name', () => {
    expect(nameScript('한복남')).toBe('hangul');
    expect(nameScript('សុខ ដារ៉ា')).toBe('khmer');
    expect(nameScript('Han Boknam')).toBe('latin');
  });
});
