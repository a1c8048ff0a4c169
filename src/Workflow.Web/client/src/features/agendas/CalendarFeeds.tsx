// My external calendars (Outlook, Google, any iCalendar address): their state, and add, synchronise, remove.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problemText';
import { QueryState } from '../../shared/ui/Status';
import { useFormat } from '../../shared/time';
import { Confirm } from './Dialog';
import { useFeedChanges, useFeeds, type CalendarFeed } from './api';

export function CalendarFeeds({ userId }: { userId: string }) {
  const { t } = useTranslation('agendas');
  const id = useId();
  const feeds = useFeeds(userId);
  const changes = useFeedChanges(userId);
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await changes.add.mutateAsync({ url: url.trim(), name: name.trim() || null });
      setUrl('');
      setName('');
      setStatus(t('feeds.added'));
    } catch (err) {
      setError(problemText(err));
    }
  };

  return (
    <section className="card h-100" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5 card-title">{t('feeds.title')}</h2>
        <p className="small text-body-secondary">{t('feeds.intro')}</p>
        <div role="status" className={status ? 'alert alert-success py-2' : 'visually-hidden'}>{status}</div>
        <QueryState query={feeds}>
          {(list) => list.length === 0
            ? <p className="text-body-secondary">{t('feeds.empty')}</p>
            : <ul className="list-group mb-3">{list.map((feed) => <FeedItem key={feed.id} feed={feed} changes={changes} onStatus={setStatus} />)}</ul>}
        </QueryState>
        <form onSubmit={(e) => void add(e)} noValidate>
          <div className="mb-2">
            <label htmlFor={`${id}-url`} className="form-label">{t('feeds.url')}</label>
            <input id={`${id}-url`} type="url" className="form-control" value={url} onChange={(e) => setUrl(e.target.value)} required inputMode="url" />
          </div>
          <div className="mb-2">
            <label htmlFor={`${id}-name`} className="form-label">{t('feeds.name')}</label>
            <input id={`${id}-name`} className="form-control" value={name} placeholder={t('feeds.namePlaceholder')} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </div>
          {error && <div className="alert alert-danger py-2" role="alert">{error}</div>}
          <button type="submit" className="btn btn-primary" disabled={!url.trim() || changes.add.isPending}>{t('feeds.add')}</button>
        </form>
      </div>
    </section>
  );
}

function FeedItem({ feed, changes, onStatus }: { feed: CalendarFeed; changes: ReturnType<typeof useFeedChanges>; onStatus(text: string): void }) {
  const { t } = useTranslation('agendas');
  const f = useFormat();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const badge = { ok: 'text-bg-success', error: 'text-bg-danger', pending: 'text-bg-secondary' }[feed.status];
  const syncing = changes.sync.isPending && changes.sync.variables === feed.id;

  const sync = async () => {
    setError(null);
    try {
      const after = await changes.sync.mutateAsync(feed.id);
      onStatus(after.status === 'error' ? t('feeds.syncFailed', { name: feed.name, message: after.lastError ?? '' }) : t('feeds.synced', { name: feed.name }));
    } catch (err) {
      setError(problemText(err));
    }
  };
  const remove = async () => {
    setError(null);
    try {
      await changes.remove.mutateAsync(feed.id);
      onStatus(t('feeds.removed', { name: feed.name }));
    } catch (err) {
      setError(problemText(err));
      setConfirming(false);
    }
  };

  return (
    <li className="list-group-item">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div className="me-auto">
          <strong>{feed.name}</strong> <span className={`badge ${badge}`}>{t(`feeds.status.${feed.status}`)}</span>
          <div className="small text-body-secondary agenda-feed-url">{feed.url}</div>
          <div className="small">
            {feed.lastSuccessAt ? t('feeds.lastSync', { when: f.dateTime(feed.lastSuccessAt) }) : t('feeds.never')}
            {feed.status === 'ok' && <> · {t('feeds.busyCount', { count: feed.busyCount })}</>}
          </div>
          {feed.lastError && <div className="small text-danger">{t('feeds.error', { message: feed.lastError })}</div>}
          {feed.lastWarning && <div className="small text-warning-emphasis">{t('feeds.warning', { message: feed.lastWarning })}</div>}
        </div>
        <div className="d-flex gap-2 align-items-start">
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => void sync()} disabled={syncing} aria-label={t('feeds.sync', { name: feed.name })}>
            {syncing && <span className="spinner-border spinner-border-sm me-1" aria-hidden="true" />}{t('feeds.syncShort')}
          </button>
          <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => setConfirming(true)} aria-label={t('feeds.remove', { name: feed.name })}>
            {t('feeds.removeShort')}
          </button>
        </div>
      </div>
      {error && <div className="alert alert-danger py-2 mt-2 mb-0" role="alert">{error}</div>}
      {confirming && (
        <div className="mt-2">
          <Confirm question={t('feeds.confirmRemove', { name: feed.name })} confirmLabel={t('feeds.remove', { name: feed.name })}
            busy={changes.remove.isPending} onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />
        </div>
      )}
    </li>
  );
}
