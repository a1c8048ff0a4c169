import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from './session';
import { LanguageSwitch } from './LanguageSwitch';

export function SignIn() {
  const { t } = useTranslation();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = (location.state as { from?: string } | null)?.from ?? '/';
  if (user) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { response, error: problem } = await api.POST('/auth/login', { params: { query: { useCookies: true } }, body: { email, password } });
      if (!response.ok) {
        const detail = (problem as { detail?: string } | undefined)?.detail ?? '';
        setError(/locked/i.test(detail) ? t('signIn.locked') : t('signIn.failed'));
        return;
      }
      await refresh();
      navigate(next, { replace: true });
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="container py-5 signin">
      <div className="d-flex justify-content-between align-items-center mb-3">
        <h1 className="h3 m-0">{t('app.name')}</h1>
          <LanguageSwitch />
      </div>
      <form className="card card-body gap-3" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="h5 m-0">{t('signIn.title')}</h2>
        <p className="text-body-secondary m-0">{t('signIn.intro')}</p>
        <div>
          <label className="form-label" htmlFor="email">{t('signIn.email')}</label>
          <input id="email" className="form-control" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div>
          <label className="form-label" htmlFor="password">{t('signIn.password')}</label>
          <input id="password" className="form-control" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && <div className="alert alert-danger m-0" role="alert">{error}</div>}
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('signIn.submit')}</button>
      </form>
    </main>
  );
}
