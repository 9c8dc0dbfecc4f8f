import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { zoneLabel } from '../../app/time.ts';
import { Fieldset } from '../../ui/Field.tsx';
import {
  Checkbox,
  fieldError,
  LanguageField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.tsx';
import { MarkingsFields } from '../../ui/MarkingsFields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useViewerZone } from '../../ui/Time.tsx';
import {
  dataCategories,
  type ExchangeItem,
  exchangeApi,
  exchangePriorities,
  type Peer,
} from './exchange-api.ts';
import { IdentifierFields } from './IdentifierFields.tsx';
import { draftToInput, type MessageDraft } from './message-draft.ts';
import { PeerField } from './PeerField.tsx';
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
  const timeZone = useViewerZone();
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
      const result = await exchangeApi.checkPolicy(draftToInput(draft, timeZone, inReplyTo));
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
      const sent = await exchangeApi.send(draftToInput(draft, timeZone, inReplyTo));
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

  const toggleCategory = (category: MessageDraft['categories'][number], on: boolean) =>
    update({
      categories: on ? [...draft.categories, category] : draft.categories.filter((c) => c !== category),
    });

  return (
    <form className="form" onSubmit={send} data-testid={testId} noValidate>
      <p className="muted">{t('form.draftKept')}</p>
      <div className="form-row">
        {!isReply && (
          <PeerField
            peers={peers}
            value={draft.peer}
            onValueChange={(peer) => update({ peer })}
            error={fieldError(error, '/peer')}
          />
        )}
        {!isReply && (
          <SelectField
            label={t('form.kind')}
            name="kind"
            value={draft.kind}
            options={composeKinds}
            optionLabel={(k) => t(`kind.${k}`)}
            onValueChange={(kind) => update({ kind })}
          />
        )}
        <SelectField
          label={t('form.priority')}
          name="priority"
          value={draft.priority}
          options={exchangePriorities}
          optionLabel={(p) => t(`priority.${p}`)}
          onValueChange={(priority) => update({ priority })}
        />
        {draft.kind === 'request' && (
          <TextField
            label={t('form.deadline')}
            hint={t('form.deadlineHint', { zone: zoneLabel(timeZone) })}
            error={fieldError(error, '/deadline')}
            type="datetime-local"
            name="deadline"
            value={draft.deadline}
            onValueChange={(deadline) => update({ deadline })}
          />
        )}
        <LanguageField
          label={t('form.language')}
          value={draft.language}
          optionLabel={(l) => t(`language.${l}`)}
          onValueChange={(language) => update({ language })}
        />
      </div>
      <TextField
        label={t('form.subject')}
        required
        error={fieldError(error, '/subject')}
        name="subject"
        lang={draft.language}
        value={draft.subject}
        maxLength={300}
        onValueChange={(subject) => update({ subject })}
      />
      <TextAreaField
        label={t('form.body')}
        error={fieldError(error, '/body')}
        name="body"
        rows={5}
        lang={draft.language}
        value={draft.body}
        onValueChange={(body) => update({ body })}
      />
      {draft.kind === 'request' && (
        <TextAreaField
          label={t('form.questions')}
          hint={t('form.questionsHint')}
          error={fieldError(error, '/questions')}
          name="questions"
          rows={3}
          lang={draft.language}
          value={draft.questions}
          onValueChange={(questions) => update({ questions })}
        />
      )}
      <IdentifierFields draft={draft} update={update} error={error} />
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
        <Checkbox
          name="consentRecorded"
          checked={draft.consentRecorded}
          onCheckedChange={(consentRecorded) => update({ consentRecorded })}
        >
          {t('form.consentRecorded')}
        </Checkbox>
        <Checkbox
          name="ongoingOperation"
          checked={draft.ongoingOperation}
          onCheckedChange={(ongoingOperation) => update({ ongoingOperation })}
        >
          {t('form.ongoingOperation')}
        </Checkbox>
      </Fieldset>
      <TextField
        label={t('form.hitReference')}
        hint={t('form.hitReferenceHint')}
        error={fieldError(error, '/hitReference')}
        name="hitReference"
        value={draft.hitReference}
        maxLength={40}
        onValueChange={(hitReference) => update({ hitReference })}
      />
      <MarkingsFields scope="message" value={draft} onChange={update} error={error} />
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
