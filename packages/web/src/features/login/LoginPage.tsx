import './login.css';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/problem.ts';
import { useSession } from '../../app/session.tsx';
import { LanguageSwitcher } from '../../shell/LanguageSwitcher.tsx';
import { Field } from '../../ui/Field.tsx';
import { loginMessage } from './login-errors.ts';

type Step = 'password' | 'totp';

/** Email and password, then (for an enrolled account) the authenticator or recovery code. */
export function LoginPage() {
  const { t } = useTranslation(['login', 'ui']);
  const { login } = useSession();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const totpInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (step === 'totp') totpInput.current?.focus();
  }, [step]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email, password, ...(step === 'totp' && { totp: totp.trim() }) });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'totp-required') setStep('totp');
      else setError(failure);
      if (failure instanceof ApiError && failure.code === 'invalid-totp') setTotp('');
    } finally {
      setBusy(false);
    }
  }

  const message = error ? loginMessage(error) : null;
  const text = message ? t(message.key, { seconds: message.seconds }) : undefined;
  const totpError = error instanceof ApiError && error.code === 'invalid-totp' ? text : undefined;

  return (
    <div className="login-screen">
      <div className="login-language">
        <LanguageSwitcher />
      </div>
      <form className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">{t('title')}</h1>
        <p className="login-subtitle">{t('subtitle')}</p>
        <Field label={t('email')}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              readOnly={step === 'totp'}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('password')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              readOnly={step === 'totp'}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {step === 'totp' && (
          <Field label={t('totp')} hint={t('totpHint')} error={totpError}>
            {(control) => (
              <input
                {...control}
                ref={totpInput}
                name="totp"
                autoComplete="one-time-code"
                inputMode="text"
                maxLength={20}
                required
                value={totp}
                onChange={(e) => setTotp(e.target.value)}
              />
            )}
          </Field>
        )}
        {text && !totpError && (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {text}
          </p>
        )}
        {totpError && (
          <p className="visually-hidden" role="alert" data-testid="login-error">
            {totpError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('submitting') : step === 'totp' ? t('verify') : t('submit')}
          </button>
          {step === 'totp' && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setStep('password');
                setPassword('');
                setTotp('');
                setError(null);
              }}
            >
              {t('otherAccount')}
            </button>
          )}
        </div>
      </form>
      <Link to="/report" className="login-report-link" data-testid="public-report-link">
        {t('reportLink')}
      </Link>
    </div>
  );
}
