import type { TimelineEvent } from '@liaison/core/cases/index';
import { timelineEventKinds } from '@liaison/core/cases/index';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session.tsx';
import { localInputToIso } from '../../app/time.ts';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { casesApi } from './cases-api.ts';

/** Dated events in the order they happened, shown in the viewer's zone and in KST and ICT. */
export function CaseTimeline({
  caseId,
  events,
  onChanged,
}: {
  caseId: string;
  events: TimelineEvent[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('cases');
  const can = useCan();
  return (
    <Panel title={t('tabs.timeline')}>
      {events.length === 0 && <EmptyState />}
      <ol className="plain-list timeline" data-testid="case-timeline">
        {events.map((event) => (
          <li key={event.id}>
            <Time value={event.occurredAt} dual /> — <strong>{t(`timeline.kinds.${event.kind}`)}</strong>:{' '}
            {event.text}
          </li>
        ))}
      </ol>
      {can('cases.write') && <NewEventForm caseId={caseId} onAdded={onChanged} />}
    </Panel>
  );
}

function NewEventForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation('cases');
  const me = useMe();
  const [when, setWhen] = useState('');
  const [kind, setKind] = useState<string>('other');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const occurredAt = localInputToIso(when, me.timeZone) ?? '';
      await casesApi.addEvent(caseId, { occurredAt, kind, text });
      setWhen('');
      setText('');
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="form filter-grid" onSubmit={submit} aria-label={t('timeline.add')}>
      <ProblemNotice error={error} />
      <Field label={t('timeline.when')} hint={me.timeZone}>
        {(control) => (
          <input {...control} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        )}
      </Field>
      <Field label={t('timeline.kind')}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value)}>
            {timelineEventKinds.map((k) => (
              <option key={k} value={k}>
                {t(`timeline.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('timeline.text')}>
        {(control) => (
          <input {...control} value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('timeline.add')}
        </button>
      </div>
    </form>
  );
}
