// A small modal dialog on the browser's own <dialog>: it traps focus, closes on Escape and gives
// focus back to what opened it, which is what an accessible dialog needs.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './agenda.css';

export function Dialog({ title, onClose, children, className }: { title: string; onClose(): void; children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => { dialog.close(); opener?.focus?.(); };
  }, []);
  return (
    <dialog ref={ref} className={`agenda-dialog border-0 rounded-3 shadow p-0 ${className ?? ''}`} aria-labelledby={titleId}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <div className="p-3">
        <h2 id={titleId} className="h5 mb-3">{title}</h2>
        {children}
      </div>
    </dialog>
  );
}

/** A question asked in place before a destructive action: no browser pop-up, and it can be read by screen readers. */
export function Confirm({ question, confirmLabel, onConfirm, onCancel, busy }: { question: string; confirmLabel: string; onConfirm(): void; onCancel(): void; busy?: boolean }) {
  return (
    <div className="alert alert-warning py-2 mb-2" role="alert">
      <p className="mb-2">{question}</p>
      <div className="d-flex gap-2 flex-wrap">
        <button type="button" className="btn btn-sm btn-danger" onClick={onConfirm} disabled={busy}>{confirmLabel}</button>
        <CancelButton onClick={onCancel} />
      </div>
    </div>
  );
}

function CancelButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return <button type="button" className="btn btn-sm btn-outline-dark" onClick={onClick}>{t('common:actions.cancel')}</button>;
}
