import { describe, expect, it } from 'vitest';
import { chartMarkings } from './chart-markings.ts';

const node = (id: string, ownerAgency: string, tlp?: string, handlingCode?: string) => ({
  id,
  type: 'person',
  caption: id,
  ownerAgency,
  ...(tlp && { tlp }),
  ...(handlingCode && { handlingCode }),
});

describe('chartMarkings', () => {
  it('takes the strictest TLP on the chart, and every handling code and owner once', () => {
    const nodes = new Map(
      [
        node('a', 'KNPA', 'GREEN', 'H1'),
        node('b', 'CNP', 'AMBER', 'H2'),
        node('c', 'KNPA', 'CLEAR', 'H1'),
      ].map((n) => [n.id, n]),
    );
    expect(chartMarkings({ nodes })).toEqual({
      tlp: 'AMBER',
      handlingCodes: ['H1', 'H2'],
      agencies: ['CNP', 'KNPA'],
    });
  });

  it('has no TLP for a chart of records that carry none', () => {
    const nodes = new Map([['a', node('a', 'KNPA')]]);
    expect(chartMarkings({ nodes }).tlp).toBeNull();
  });
});
