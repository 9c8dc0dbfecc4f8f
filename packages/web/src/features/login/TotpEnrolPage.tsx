import './login.css';
import type { TotpSetup } from '@liaison/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../app/auth-api.ts';
import { ApiError } from '../../app/problem.ts';
import { useSession } from '../../app/session.tsx';
import { LanguageSwitcher } from '../../shell/LanguageSwitcher.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Panel.tsx';
import { ProblemNotice, useProblemText } from '../../ui/ProblemNotice.tsx';

/** Required before anything else for roles that need a second factor: scan, confirm, keep the recovery codes. */
export function TotpEnrolPage() {
  const { t } = useTranslation(['login', 'ui']);
  const { refresh } = useSession();
  const problemText = useProblemText();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // One secret per visit: a second setup call would replace the secret the QR code shows.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    authApi.startTotp().then(setSetup, setError);
  }, []);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setRecoveryCodes((await authApi.confirmTotp(code.trim())).recoveryCodes);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const codeError =
    error instanceof ApiError && error.code === 'invalid-totp' ? problemText(error) : undefined;

  return (
    <div className="login-screen">
      <div className="login-language">
        <LanguageSwitcher />
      </div>
      {recoveryCodes ? (
        <section className="login-card" aria-labelledby="codes-title">
          <h1 id="codes-title">{t('enrol.codesTitle')}</h1>
          <p>{t('enrol.codesIntro')}</p>
          <ol className="recovery-codes" data-testid="recovery-codes">
            {recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>
                <code>{recoveryCode}</code>
              </li>
            ))}
          </ol>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void refresh()}>
              {t('enrol.saved')}
            </button>
          </div>
        </section>
      ) : (
        <form className="login-card" onSubmit={confirm} noValidate aria-labelledby="enrol-title">
          <h1 id="enrol-title">{t('enrol.title')}</h1>
          <p>{t('enrol.intro')}</p>
          {!setup && !error && <Loading />}
          {setup && (
            <div className="totp-setup">
              <img src={setup.qrDataUrl} alt={t('enrol.qrAlt')} width={220} height={220} />
              <div>
                <p className="field-hint">{t('enrol.secret')}</p>
                <code className="totp-secret" data-testid="totp-secret">
                  {setup.secret}
                </code>
              </div>
            </div>
          )}
          <Field label={t('enrol.code')} error={codeError}>
            {(control) => (
              <input
                {...control}
                name="code"
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          {error && !codeError ? <ProblemNotice error={error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || !setup}>
              {busy ? t('enrol.confirming') : t('enrol.confirm')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
