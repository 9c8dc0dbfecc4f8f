import { describe, expect, it } from 'vitest';
import { parseIdentity } from './peers-api.ts';

describe('pasted peer identities', () => {
  it('accepts an identity file and says why other text is not one', () => {
    const file = {
      format: 'liaison-peer/1',
      node: 'cnp',
      agency: 'CNP',
      country: 'KH',
      url: 'https://cnp.example',
      fingerprint: 'AB / CD',
    };
    expect(parseIdentity(JSON.stringify(file))).toEqual({ identity: file });
    expect(parseIdentity('{not json')).toEqual({ problem: 'json' });
    expect(parseIdentity('{"format":"other"}')).toEqual({ problem: 'format' });
  });
});
