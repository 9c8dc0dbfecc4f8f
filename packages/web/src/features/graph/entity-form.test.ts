import { describe, expect, it } from 'vitest';
import { editBody, entityBody, formProperties, formValues } from './entity-form.ts';

describe('entity form', () => {
  it('builds a person with a Hangul name, nationalities and a role in the case', () => {
    expect(
      entityBody(
        'person',
        { names: ' 한복남 ', nationalities: 'KR, KH', birthDate: '' },
        { caseId: 'c1', role: 'suspect' },
      ),
    ).toEqual({
      type: 'person',
      properties: {
        names: [{ value: '한복남', script: 'hangul', kind: 'primary' }],
        nationalities: ['KR', 'KH'],
      },
      caseId: 'c1',
      role: 'suspect',
    });
  });

  it('keeps a phone number as written and gives no role to a phone', () => {
    expect(entityBody('phone', { number: '012 345 678' }, { role: 'suspect' })).toEqual({
      type: 'phone',
      properties: { number: '012 345 678' },
    });
  });

  it('leaves photos and map points out of the hand-filled form', () => {
    expect(formProperties('person').map((p) => p.name)).not.toContain('photos');
    expect(formProperties('compound').map((p) => p.name)).not.toContain('coordinates');
    expect(formProperties('nonsense')).toEqual([]);
  });

  it('edits only what changed: other names and photos stay, a cleared field goes', () => {
    const stored = {
      names: [
        { value: '한복남', script: 'hangul', kind: 'primary' },
        { value: 'HAN BOKNAM', script: 'latin', kind: 'romanised' },
      ],
      nationalities: ['KR'],
      birthDate: '1985-03-02',
      photos: ['f1'],
    };
    const values = formValues('person', stored);
    expect(values).toMatchObject({ names: '한복남', nationalities: 'KR', birthDate: '1985-03-02' });
    expect(editBody('person', stored, values, 3)).toEqual({ version: 3, properties: stored });
    const edited = editBody(
      'person',
      stored,
      { ...values, names: '한복만', birthDate: '', nationalities: 'KR, KH' },
      3,
    );
    expect(edited.properties).toEqual({
      names: [
        { value: '한복만', script: 'hangul', kind: 'primary' },
        { value: 'HAN BOKNAM', script: 'latin', kind: 'romanised' },
      ],
      nationalities: ['KR', 'KH'],
      photos: ['f1'],
    });
  });
});
