import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale, type Locale } from '../i18n';
import { apiErrorText } from '../i18n/apiError';
import { useStore } from '../store';
import { Button, Field, FieldGroup, TextInput } from '../ui';
import { PasswordInput } from '../components/PasswordInput';
import { BrandHeading } from '../components/Brand';

/** The sign-in screen of a console that is set up: name (or phone) and password, for this window or tab only. */
export default function SignIn() {
  const { t, i18n } = useTranslation();
  const signIn = useStore((s) => s.signIn);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const valid = login.trim().length > 0 && password.length > 0;

  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    const failure = await signIn(login.trim(), password);
    setBusy(false);
    if (!failure) return;
    setPassword('');
    if (failure.code === 'UNAUTHENTICATED') setError(t('signIn.wrong'));
    else if (failure.code === 'RATE_LIMITED') {
      const ms = Number(failure.details?.retryAfterMs ?? 0);
      setError(t('signIn.rateLimited', { minutes: Math.max(1, Math.ceil(ms / 60_000)) }));
    } else if (failure.code === 'FORBIDDEN') setError(t('signIn.disabled'));
    else setError(apiErrorText(failure));
  };

  return (
    <div className="firstrun" data-testid="sign-in">
      <form
        className="firstrun-card signin-card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <BrandHeading title={t('signIn.title')} intro={t('signIn.intro')} />

        <fieldset disabled={busy}>
          <FieldGroup>
            <Field label={t('signIn.login')}>
              <TextInput
                id="sign-in-login"
                data-testid="sign-in-login"
                autoComplete="username"
                value={login}
                maxLength={64}
                autoFocus
                onChange={(e) => setLogin(e.target.value)}
              />
            </Field>
            <Field label={t('signIn.password')}>
              <PasswordInput
                purpose="current"
                id="sign-in-password"
                data-testid="sign-in-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
          </FieldGroup>
        </fieldset>

        {error && (
          <div className="banner banner-error" role="alert" data-testid="sign-in-error">
            {error}
          </div>
        )}

        <div className="firstrun-actions">
          <Button
            variant="ghost"
            data-testid="sign-in-lang"
            onClick={() => void applyLocale(locale === 'en' ? 'zh-CN' : 'en')}
          >
            {t(`lang.${locale === 'en' ? 'zh-CN' : 'en'}`)}
          </Button>
          <Button variant="primary" size="large" type="submit" data-testid="sign-in-submit" disabled={!valid || busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
