// My private feed address: calendars subscribe to it to show my appointments. The server keeps only a hash
// of its secret, so the address can be shown only when it is made; rotating makes a new one, revoking ends it.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problemText';
import { Confirm } from './Dialog';
import { usePersonalFeed } from './api';

export function PersonalFeed({ userId }: { userId: string }) {
  const { t } = useTranslation('agendas');
  const id = useId();
  const { create, revoke } = usePersonalFeed(userId);
  const [url, setUrl] = useState<string | null>(null);
  const [asking, setAsking] = useState<'rotate' | 'revoke' | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const make = async () => {
    setError(null);
    setAsking(null);
    try {
      setUrl((await create.mutateAsync()).url);
      setStatus(t('personal.created'));
    } catch (err) {
      setError(problemText(err));
    }
  };
  const end = async () => {
    setError(null);
    setAsking(null);
    try {
      await revoke.mutateAsync();
      setUrl(null);
      setStatus(t('personal.revoked'));
    } catch (err) {
      setError(problemText(err));
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('personal.copied'));
    } catch {
      input.current?.select();
      setStatus(t('personal.copyFailed'));
    }
  };

  return (
    <section className="card h-100" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5 card-title">{t('personal.title')}</h2>
        <p className="small text-body-secondary">{t('personal.intro')}</p>
        <div role="status" className={status ? 'alert alert-info py-2' : 'visually-hidden'}>{status}</div>
        {error && <div className="alert alert-danger py-2" role="alert">{error}</div>}
        {url ? (
          <>
            <label htmlFor={`${id}-url`} className="form-label">{t('personal.url')}</label>
            <div className="input-group mb-1">
              <input id={`${id}-url`} ref={input} className="form-control font-monospace" value={url} readOnly onFocus={(e) => e.target.select()} aria-describedby={`${id}-once`} />
              <button type="button" className="btn btn-outline-primary" onClick={() => void copy()}>{t('personal.copy')}</button>
            </div>
            <p id={`${id}-once`} className="small text-body-secondary">{t('personal.shownOnce')}</p>
          </>
        ) : (
          <>
            <p className="small">{t('personal.none')}</p>
            <button type="button" className="btn btn-primary mb-3" onClick={() => void make()} disabled={create.isPending}>{t('personal.create')}</button>
          </>
        )}
        {asking === 'rotate' && <Confirm question={t('personal.confirmRotate')} confirmLabel={t('personal.rotate')} busy={create.isPending} onConfirm={() => void make()} onCancel={() => setAsking(null)} />}
        {asking === 'revoke' && <Confirm question={t('personal.confirmRevoke')} confirmLabel={t('personal.revoke')} busy={revoke.isPending} onConfirm={() => void end()} onCancel={() => setAsking(null)} />}
        {!asking && (
          <div className="d-flex flex-wrap gap-2">
            {url && <button type="button" className="btn btn-outline-dark" onClick={() => setAsking('rotate')}>{t('personal.rotate')}</button>}
            <button type="button" className="btn btn-outline-danger" onClick={() => setAsking('revoke')}>{t('personal.revoke')}</button>
          </div>
        )}
      </div>
    </section>
  );
}
