// What every screen shows while it waits or when the server refuses: never a silent hang.
import { useTranslation } from 'react-i18next';
import { problemText } from '../api/problemText';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-2 text-body-secondary py-3" role="status">
      <span className="spinner-border spinner-border-sm" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-danger d-flex align-items-center justify-content-between gap-2" role="alert">
      <span>{problemText(error)}</span>
      {onRetry && <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRetry}>{t('actions.retry')}</button>}
    </div>
  );
}

/** Renders a react-query result: loading, error with retry, or the content. */
export function QueryState<T>({ query, children }: { query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown }; children: (data: T) => React.ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}

export function Badge({ kind, children }: { kind: 'urgent' | 'confidential' | 'overdue' | 'status' | 'info'; children: React.ReactNode }) {
  const cls = { urgent: 'text-bg-danger', confidential: 'text-bg-dark', overdue: 'text-bg-warning', status: 'text-bg-secondary', info: 'text-bg-info' }[kind];
  return <span className={`badge ${cls}`}>{children}</span>;
}
