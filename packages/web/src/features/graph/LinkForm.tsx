import type { LinkView } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { fieldError, SelectField, TextField } from '../../ui/fields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { graphApi } from './graph-api.ts';
import { linkTypeLabel } from './labels.ts';
import { linkBody, linkChoicesFrom, linkProperties } from './link-form.ts';
import { EntityPicker, type PickedEntity } from './pickers/EntityPicker.tsx';

/**
 * Draws a link from one entity to another found by search: the link types that fit the source's type, the
 * other end among the types that fit, when it held (from/until) and the type's own facts (amount, currency,
 * time…). Each server error shows under its field; nothing is written until the whole link is valid.
 */
export function LinkForm({
  source,
  onCreated,
}: {
  source: { id: string; type: string; caption: string };
  onCreated(link: LinkView, target: PickedEntity): void;
}) {
  const { t, i18n } = useTranslation('graph');
  const choices = linkChoicesFrom(source.type);
  const [type, setType] = useState<string>(choices[0]?.type ?? '');
  const [target, setTarget] = useState<PickedEntity | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [properties, setProperties] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  const { error, busy, submit } = useSubmission();
  const targets = choices.find((c) => c.type === type)?.targets ?? [];
  const problem = (path: string) => fieldError(error, path);

  if (choices.length === 0) return null;
  return (
    <form
      className="form link-form"
      data-testid="link-form"
      aria-label={t('draw.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!target) return;
        void submit(async () => {
          const link = await graphApi.createLink(
            linkBody({ type, sourceId: source.id, targetId: target.id, validFrom, validTo, properties }),
          );
          setDone(
            t('draw.created', {
              source: source.caption,
              link: linkTypeLabel(type, i18n.language),
              target: target.label,
            }),
          );
          setTarget(null);
          setProperties({});
          onCreated(link, target);
        });
      }}
    >
      <p className="muted">{t('draw.from', { caption: source.caption })}</p>
      <SelectField
        label={t('draw.type')}
        name="linkType"
        value={type}
        error={problem('/type')}
        onValueChange={(value) => {
          setType(value);
          setProperties({});
          if (target && !choices.find((c) => c.type === value)?.targets.includes(target.type as never))
            setTarget(null);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.type} value={choice.type}>
            {linkTypeLabel(choice.type, i18n.language)}
          </option>
        ))}
      </SelectField>
      <EntityPicker
        label={t('draw.target')}
        name="link-target"
        required
        types={targets}
        exclude={source.id}
        value={target}
        onChange={setTarget}
        error={problem('/targetId')}
      />
      <div className="form-row">
        <TextField
          label={t('draw.validFrom')}
          type="date"
          name="validFrom"
          value={validFrom}
          onValueChange={setValidFrom}
          error={problem('/validFrom')}
        />
        <TextField
          label={t('draw.validTo')}
          type="date"
          name="validTo"
          value={validTo}
          onValueChange={setValidTo}
          error={problem('/validTo')}
        />
      </div>
      {linkProperties(type).length > 0 && (
        <div className="filter-grid">
          {linkProperties(type).map((spec) => (
            <Field
              key={spec.name}
              label={t(`draw.properties.${spec.name}`, { defaultValue: spec.name })}
              required={spec.required === true}
              error={problem(`/properties/${spec.name}`)}
            >
              {(control) =>
                spec.type === 'enum' ? (
                  <select
                    {...control}
                    name={spec.name}
                    value={properties[spec.name] ?? ''}
                    onChange={(e) => setProperties({ ...properties, [spec.name]: e.target.value })}
                  >
                    <option value="" />
                    {spec.values?.map((value) => (
                      <option key={value} value={value}>
                        {t(`draw.values.${value}`, { defaultValue: value })}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...control}
                    name={spec.name}
                    type={
                      spec.type === 'number' ? 'number' : spec.type === 'datetime' ? 'datetime-local' : 'text'
                    }
                    step={spec.type === 'number' ? 'any' : undefined}
                    maxLength={spec.maxLength}
                    value={properties[spec.name] ?? ''}
                    onChange={(e) => setProperties({ ...properties, [spec.name]: e.target.value })}
                  />
                )
              }
            </Field>
          ))}
        </div>
      )}
      <ProblemNotice error={error} />
      {done && (
        <p className="notice" role="status" data-testid="link-created">
          {done}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !target}>
          {t('draw.submit')}
        </button>
      </div>
    </form>
  );
}
