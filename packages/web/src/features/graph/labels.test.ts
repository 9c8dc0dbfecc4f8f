import { describe, expect, it } from 'vitest';
import { chartFileName, entityTypeLabel, linkTypeLabel } from './labels.ts';

describe('graph labels', () => {
  it('names entity and link types in the UI language, falling back to English', () => {
    expect(entityTypeLabel('phone', 'ko')).toBe('전화번호');
    expect(entityTypeLabel('crypto_wallet', 'km')).toBe('កាបូបគ្រីបតូ');
    expect(entityTypeLabel('phone', 'fr')).toBe('Phone number');
    expect(linkTypeLabel('member_of', 'en')).toBe('member of');
    expect(linkTypeLabel('unknown_link', 'en')).toBe('unknown_link');
  });

  it('makes a safe, dated PNG file name from any chart name', () => {
    const day = new Date('2026-03-01T10:00:00Z');
    expect(chartFileName('Sihanoukville ring / 바벳', day)).toBe(
      'liaison-chart-Sihanoukville-ring-바벳-2026-03-01.png',
    );
    expect(chartFileName('  ', day)).toBe('liaison-chart-untitled-2026-03-01.png');
  });
});
