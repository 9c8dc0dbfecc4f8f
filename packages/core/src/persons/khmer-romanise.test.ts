import { describe, expect, it } from 'vitest';
import { romaniseKhmerName, romaniseKhmerWord } from './khmer-romanise.ts';

describe('Khmer romanisation', () => {
  it.each([
    ['សុខ', 'SOK'],
    ['ដារា', 'DARA'],
    ['ចាន់', 'CHAN'],
    ['ហេង', 'HENG'],
    ['សំ', 'SAM'],
    ['វណ្ណៈ', 'VANNA'],
    ['សុភា', 'SOPHEA'],
    ['ស្រីមុំ', 'SREYMOM'],
    ['មាស', 'MEAS'],
    ['ជា', 'CHEA'],
    ['ពេជ្រ', 'PECH'],
    ['ចំរើន', 'CHAMROEUN'],
    ['ពិសិដ្ឋ', 'PISETH'],
  ])('spells %s as %s among its candidates', (word, latin) => {
    expect(romaniseKhmerWord(word)).toContain(latin);
  });

  it('drops a letter marked silent by ៍', () => {
    expect(romaniseKhmerWord('ចន្ទ៍')).toContain('CHAN');
  });

  it('romanises each word of a name in writing order', () => {
    expect(romaniseKhmerName('សុខ ដារា').map((spellings) => spellings[0])).toEqual(['SOK', 'DAREA']);
  });

  it('produces only upper-case ASCII', () => {
    for (const spelling of romaniseKhmerWord('ស្រីនាង')) expect(spelling).toMatch(/^[A-Z]+$/);
  });
});
