import './public-report.css';
import { cambodianProvinceIds } from '@liaison/core/rescue/provinces';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/problem.ts';
import { useEnumLabel } from '../../ui/enum-labels.ts';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { CompoundMap } from '../compounds/CompoundMap.tsx';
import { CopyLinkButton } from './PublicLanguageSwitch.tsx';
import { publicReportApi } from './public-report-api.ts';

const relations = ['mother', 'father', 'sibling', 'spouse', 'friend', 'self', 'employer', 'other'] as const;
const indicators = [
  'violence',
  'medical_need',
  'threat_of_resale_or_transfer',
  'ransom_demand',
  'minor',
  'weapons_seen',
  'no_contact_over_72h',
  'confinement_confirmed',
  'self_harm_risk',
] as const;
const languages = [
  ['ko', '한국어'],
  ['en', 'English'],
  ['km', 'ខ្មែរ'],
] as const;

type Form = Record<string, string>;
const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The public report form: no login, three languages, phone-sized, with a hidden field for bots. */
export default function PublicReportPage() {
  const { t, i18n } = useTranslation('public-report');
  const label = useEnumLabel();
  const [form, setForm] = useState<Form>({ relation: 'mother', currency: 'KRW' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [pin, setPin] = useState<{ lat: number; lon: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [filed, setFiled] = useState<{ reference: string; secret: string; statusPath: string } | null>(null);
  const set = (key: string) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const onPick = useCallback((lat: number, lon: number) => setPin({ lat, lon }), []);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setError(null);
    const amount = Number(form.ransomAmount);
    try {
      const result = await publicReportApi.file({
        consentToProcessing: consent,
        reporter: {
          relation: form.relation,
          phone: trimmed(form.reporterPhone),
          email: trimmed(form.reporterEmail),
          language: i18n.language,
        },
        person: {
          namesHangul: trimmed(form.nameHangul) ? [form.nameHangul!.trim()] : undefined,
          namesLatin: trimmed(form.nameLatin) ? [form.nameLatin!.trim()] : undefined,
          birthDate: trimmed(form.birthDate),
          passportNumber: trimmed(form.passport),
          phone: trimmed(form.phone),
          telegram: trimmed(form.telegram),
          kakaotalk: trimmed(form.kakaotalk),
        },
        lastContactAt: form.lastContact ? new Date(form.lastContact).toISOString() : undefined,
        location: {
          compoundName: trimmed(form.compound),
          province: trimmed(form.province),
          floor: trimmed(form.floor),
          room: trimmed(form.room),
          coordinates: pin ?? undefined,
        },
        narrative: form.narrative ?? '',
        ransom: amount > 0 ? { amount, currency: form.currency, wallet: trimmed(form.wallet) } : undefined,
        indicators: chosen,
        website: form.website ?? '',
      });
      setFiled(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  }

  return (
    <main className="public-report" lang={i18n.language}>
      <nav className="button-row" aria-label="Language">
        {languages.map(([code, name]) => (
          <button
            key={code}
            type="button"
            className="button button-quiet"
            aria-pressed={i18n.language === code}
            onClick={() => i18n.changeLanguage(code)}
          >
            {name}
          </button>
        ))}
      </nav>
      <h1>{t('title')}</h1>
      {filed ? (
        <Filed {...filed} />
      ) : (
        <form onSubmit={submit} noValidate data-testid="public-report-form">
          <p>{t('intro')}</p>
          <ProblemNotice error={error} />
          <fieldset>
            <legend>{t('reporter')}</legend>
            <Field label={t('relation')} required>
              {(c) => (
                <select {...c} value={form.relation} onChange={set('relation')}>
                  {relations.map((r) => (
                    <option key={r} value={r}>
                      {t(`relations.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('yourPhone')} error={errors.reporter}>
              {(c) => (
                <input
                  {...c}
                  type="tel"
                  autoComplete="tel"
                  value={form.reporterPhone ?? ''}
                  onChange={set('reporterPhone')}
                />
              )}
            </Field>
            <Field label={t('yourEmail')}>
              {(c) => (
                <input {...c} type="email" value={form.reporterEmail ?? ''} onChange={set('reporterEmail')} />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('person')}</legend>
            <Field label={t('nameHangul')}>
              {(c) => <input {...c} value={form.nameHangul ?? ''} onChange={set('nameHangul')} />}
            </Field>
            <Field label={t('nameLatin')} error={errors.person}>
              {(c) => <input {...c} value={form.nameLatin ?? ''} onChange={set('nameLatin')} />}
            </Field>
            <Field label={t('birthDate')}>
              {(c) => <input {...c} type="date" value={form.birthDate ?? ''} onChange={set('birthDate')} />}
            </Field>
            <Field label={t('passport')}>
              {(c) => <input {...c} value={form.passport ?? ''} onChange={set('passport')} />}
            </Field>
            <Field label={t('phone')}>
              {(c) => <input {...c} type="tel" value={form.phone ?? ''} onChange={set('phone')} />}
            </Field>
            <Field label={t('telegram')}>
              {(c) => <input {...c} value={form.telegram ?? ''} onChange={set('telegram')} />}
            </Field>
            <Field label={t('kakaotalk')}>
              {(c) => <input {...c} value={form.kakaotalk ?? ''} onChange={set('kakaotalk')} />}
            </Field>
            <Field label={t('lastContact')}>
              {(c) => (
                <input
                  {...c}
                  type="datetime-local"
                  value={form.lastContact ?? ''}
                  onChange={set('lastContact')}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('where')}</legend>
            <Field label={t('compound')}>
              {(c) => <input {...c} value={form.compound ?? ''} onChange={set('compound')} />}
            </Field>
            <Field label={t('province')}>
              {(c) => (
                <select {...c} value={form.province ?? ''} onChange={set('province')}>
                  <option value="">{t('anyProvince')}</option>
                  {cambodianProvinceIds.map((id) => (
                    <option key={id} value={id}>
                      {label('province', id)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('floor')}>
              {(c) => <input {...c} value={form.floor ?? ''} onChange={set('floor')} />}
            </Field>
            <Field label={t('room')}>
              {(c) => <input {...c} value={form.room ?? ''} onChange={set('room')} />}
            </Field>
            <p>{t('pin')}</p>
            <CompoundMap
              points={
                pin ? [{ id: 'pin', ...pin, label: `${pin.lat.toFixed(4)}, ${pin.lon.toFixed(4)}` }] : []
              }
              onPick={onPick}
              height={260}
            />
          </fieldset>
          <fieldset>
            <legend>{t('what')}</legend>
            <Field label={t('narrative')} required error={errors.narrative}>
              {(c) => <textarea {...c} rows={6} value={form.narrative ?? ''} onChange={set('narrative')} />}
            </Field>
            <Field label={t('ransom')}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  min="0"
                  inputMode="decimal"
                  value={form.ransomAmount ?? ''}
                  onChange={set('ransomAmount')}
                />
              )}
            </Field>
            <Field label={t('currency')}>
              {(c) => (
                <select {...c} value={form.currency} onChange={set('currency')}>
                  {['KRW', 'USD', 'USDT', 'KHR'].map((x) => (
                    <option key={x}>{x}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('wallet')}>
              {(c) => <input {...c} value={form.wallet ?? ''} onChange={set('wallet')} />}
            </Field>
            <fieldset>
              <legend>{t('indicators')}</legend>
              {indicators.map((i) => (
                <label key={i} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(i)}
                    onChange={(e) =>
                      setChosen((list) => (e.target.checked ? [...list, i] : list.filter((x) => x !== i)))
                    }
                  />{' '}
                  {t(`ind.${i}`)}
                </label>
              ))}
            </fieldset>
          </fieldset>
          {/* A honeypot: hidden from people and screen readers, filled by bots. */}
          <div
            aria-hidden="true"
            style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
          >
            <label>
              {t('website')}
              <input
                tabIndex={-1}
                autoComplete="off"
                name="website"
                value={form.website ?? ''}
                onChange={set('website')}
              />
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
            {t('consent')}
          </label>
          {errors.consentToProcessing && <p className="field-error">{errors.consentToProcessing}</p>}
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? t('sending') : t('submit')}
          </button>
        </form>
      )}
    </main>
  );
}

function Filed({ reference, secret, statusPath }: { reference: string; secret: string; statusPath: string }) {
  const { t } = useTranslation('public-report');
  const [count, setCount] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const link = `${window.location.origin}${statusPath}`;
  async function upload(kind: string, files: FileList | null) {
    setError(null);
    for (const file of Array.from(files ?? [])) {
      try {
        await publicReportApi.upload(reference, secret, kind, file);
        setCount((n) => n + 1);
      } catch (failure) {
        setError(failure);
      }
    }
  }
  return (
    <section aria-live="polite">
      <h2>{t('doneTitle')}</h2>
      <p>
        {t('reference')}: <strong data-testid="public-reference">{reference}</strong>
      </p>
      <p>{t('privateLink')}</p>
      <p>
        <a href={statusPath} data-testid="private-link">
          {link}
        </a>{' '}
        <CopyLinkButton path={statusPath} />
      </p>
      <h3>{t('photos')}</h3>
      <p className="field-hint">{t('photoHint')}</p>
      <ProblemNotice error={error} />
      <label>
        {t('upload')} (photo){' '}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          onChange={(e) => upload('person_photo', e.target.files)}
        />
      </label>
      <label>
        {t('upload')} (building){' '}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => upload('building_photo', e.target.files)}
        />
      </label>
      <label>
        {t('upload')} (video){' '}
        <input type="file" accept="video/mp4" onChange={(e) => upload('video', e.target.files)} />
      </label>
      {count > 0 && <p>{t('uploaded', { count })}</p>}
    </section>
  );
}
