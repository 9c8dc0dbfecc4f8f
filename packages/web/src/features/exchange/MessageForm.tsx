import { languages } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { Field, Fieldset } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import {
  dataCategories,
  type ExchangeItem,
  exchangeApi,
  exchangePriorities,
  hitKinds,
  type Peer,
} from './exchange-api.ts';
import { fieldError, MarkingsFields } from './MarkingsFields.tsx';
import { draftToInput, type MessageDraft } from './message-draft.ts';
import { TranslationFields } from './TranslationFields.tsx';

const composeKinds = ['request', 'spontaneous', 'notification'] as const;

interface Props {
  draft: MessageDraft;
  update: (patch: Partial<MessageDraft>) => void;
  /** Called after the node accepted the message; the caller clears the draft. */
  onSent: (item: ExchangeItem) => void;
  peers?: Peer[];
  /** Set for a reply: the message answered (the partner and kind are then fixed). */
  inReplyTo?: string;
  testId: string;
}

type PolicyResult = { allowed: boolean; explanation: string; checked: string };

/**
 * A new message or a reply: fields, the markings, translations, then "check policy" (the sender's country's
 * rules, with the rule and reason when one blocks) and "send". A failed send says why and keeps everything.
 */
export function MessageForm({ draft, update, onSent, peers, inReplyTo, testId }: Props) {
  const { t } = useTranslation('exchange');
  const [error, setError] = useState<unknown>(null);
  const [policy, setPolicy] = useState<PolicyResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'send' | null>(null);
  const isReply = draft.kind === 'reply';
  const current = JSON.stringify(draft);
  const policyShown = policy && policy.checked === current ? policy : null;

  async function checkPolicy() {
    setBusy('check');
    setError(null);
    try {
      const result = await exchangeApi.checkPolicy(draftToInput(draft, inReplyTo));
      setPolicy({ ...result, checked: current });
    } catch (failure) {
      setPolicy(null);
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy('send');
    setError(null);
    try {
      const sent = await exchangeApi.send(draftToInput(draft, inReplyTo));
      setPolicy(null);
      onSent(sent);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.code === 'policy-blocked')
        setPolicy({ allowed: false, explanation: failure.detail ?? failure.title, checked: current });
    } finally {
      setBusy(null);
    }
  }

  const setIdentifier = (index: number, patch: Partial<{ kind: string; value: string }>) =>
    update({ identifiers: draft.identifiers.map((i, n) => (n === index ? { ...i, ...patch } : i)) });
  const toggleCategory = (category: string, on: boolean) =>
    update({
      categories: on ? [...draft.categories, category] : draft.categories.filter((c) => c !== category),
    });

  return (
    <form className="form" onSubmit={send} data-testid={testId} noValidate>
      <p className="muted">{t('form.draftKept')}</p>
      <div className="form-row">
        {!isReply && (
          <Field label={t('form.peer')} required error={fieldError(error, '/peer')}>
            {(control) => (
              <select
                {...control}
                name="peer"
                value={draft.peer}
                onChange={(e) => update({ peer: e.target.value })}
              >
                <option value="">{t('form.choosePeer')}</option>
                {(peers ?? []).map((p) => (
                  <option key={p.id} value={p.node} disabled={p.status !== 'active'}>
                    {p.agency} ({p.node}, {p.country})
                    {p.status !== 'active' && ` — ${t('peerStatus.suspended')}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!isReply && (
          <Field label={t('form.kind')}>
            {(control) => (
              <select
                {...control}
                name="kind"
                value={draft.kind}
                onChange={(e) => update({ kind: e.target.value as MessageDraft['kind'] })}
              >
                {composeKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('form.priority')}>
          {(control) => (
            <select
              {...control}
              name="priority"
              value={draft.priority}
              onChange={(e) => update({ priority: e.target.value as MessageDraft['priority'] })}
            >
              {exchangePriorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.kind === 'request' && (
          <Field
            label={t('form.deadline')}
            hint={t('form.deadlineHint')}
            error={fieldError(error, '/deadline')}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                name="deadline"
                value={draft.deadline}
                onChange={(e) => update({ deadline: e.target.value })}
              />
            )}
          </Field>
        )}
        <Field label={t('form.language')}>
          {(control) => (
            <select
              {...control}
              name="language"
              value={draft.language}
              onChange={(e) => update({ language: e.target.value as MessageDraft['language'] })}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('form.subject')} required error={fieldError(error, '/subject')}>
        {(control) => (
          <input
            {...control}
            name="subject"
            lang={draft.language}
            value={draft.subject}
            maxLength={300}
            onChange={(e) => update({ subject: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('form.body')} error={fieldError(error, '/body')}>
        {(control) => (
          <textarea
            {...control}
            name="body"
            rows={5}
            lang={draft.language}
            value={draft.body}
            onChange={(e) => update({ body: e.target.value })}
          />
        )}
      </Field>
      {draft.kind === 'request' && (
        <Field
          label={t('form.questions')}
          hint={t('form.questionsHint')}
          error={fieldError(error, '/questions')}
        >
          {(control) => (
            <textarea
              {...control}
              name="questions"
              rows={3}
              lang={draft.language}
              value={draft.questions}
              onChange={(e) => update({ questions: e.target.value })}
            />
          )}
        </Field>
      )}
      <fieldset className="field" data-testid="identifier-fields">
        <legend>{t('form.identifiers')}</legend>
        {draft.identifiers.map((identifier, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={index} className="form-inline">
            <Field label={t('form.identifierKind')}>
              {(control) => (
                <select
                  {...control}
                  name={`identifier-${index}-kind`}
                  value={identifier.kind}
                  onChange={(e) => setIdentifier(index, { kind: e.target.value })}
                >
                  {hitKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`identifierKind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('form.identifierValue')} error={fieldError(error, `/identifiers/${index}`)}>
              {(control) => (
                <input
                  {...control}
                  name={`identifier-${index}-value`}
                  value={identifier.value}
                  onChange={(e) => setIdentifier(index, { value: e.target.value })}
                />
              )}
            </Field>
            <div className="form-actions">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => update({ identifiers: draft.identifiers.filter((_, n) => n !== index) })}
              >
                {t('form.removeIdentifier')}
              </button>
            </div>
          </div>
        ))}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => update({ identifiers: [...draft.identifiers, { kind: 'phone', value: '' }] })}
          >
            {t('form.addIdentifier')}
          </button>
        </div>
      </fieldset>
      <Fieldset legend={t('form.categories')} error={fieldError(error, '/categories')}>
        {dataCategories.map((category) => (
          <label key={category} className="choice">
            <input
              type="checkbox"
              name="categories"
              value={category}
              checked={draft.categories.includes(category)}
              onChange={(e) => toggleCategory(category, e.target.checked)}
            />
            {t(`category.${category}`)}
          </label>
        ))}
        <label className="choice">
          <input
            type="checkbox"
            name="consentRecorded"
            checked={draft.consentRecorded}
            onChange={(e) => update({ consentRecorded: e.target.checked })}
          />
          {t('form.consentRecorded')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            name="ongoingOperation"
            checked={draft.ongoingOperation}
            onChange={(e) => update({ ongoingOperation: e.target.checked })}
          />
          {t('form.ongoingOperation')}
        </label>
      </Fieldset>
      <Field
        label={t('form.hitReference')}
        hint={t('form.hitReferenceHint')}
        error={fieldError(error, '/hitReference')}
      >
        {(control) => (
          <input
            {...control}
            name="hitReference"
            value={draft.hitReference}
            maxLength={40}
            onChange={(e) => update({ hitReference: e.target.value })}
          />
        )}
      </Field>
      <MarkingsFields draft={draft} update={update} error={error} />
      <TranslationFields draft={draft} update={update} />
      <div aria-live="polite" data-testid="policy-result">
        {policyShown && (
          <div className={`notice exchange-policy ${policyShown.allowed ? 'notice-ok' : 'notice-error'}`}>
            <strong>{policyShown.allowed ? t('policy.allowed') : t('policy.blocked')}</strong>
            <span className="notice-detail">{policyShown.explanation}</span>
          </div>
        )}
      </div>
      <ProblemNotice error={error instanceof ApiError && error.code === 'policy-blocked' ? null : error} />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          name="check-policy"
          onClick={() => void checkPolicy()}
          disabled={busy !== null}
        >
          {busy === 'check' ? t('policy.checking') : t('policy.check')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'send' ? t('form.sending') : isReply ? t('form.sendReply') : t('form.send')}
        </button>
      </div>
    </form>
  );
}
