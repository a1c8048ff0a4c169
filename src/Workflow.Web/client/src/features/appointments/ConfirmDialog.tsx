// A modal question before a destructive action: the browser's own <dialog> opened with showModal()
// (focus moves in and stays there, Escape closes it), named by its heading, with the refusal shown
// inside when the server says no.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}

export function ConfirmDialog({ open, title, confirmLabel, cancelLabel, busy, error, onConfirm, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm();
  }

  return (
    <dialog ref={ref} className="confirm-dialog border-0 rounded-3 shadow p-0" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {open && (
        <form className="p-3" onSubmit={submit}>
          <h2 id={titleId} className="h5">{title}</h2>
          {children}
          {error && <div className="alert alert-danger py-2 mt-2 mb-0" role="alert">{error}</div>}
          <div className="d-flex justify-content-end gap-2 mt-3">
            <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{cancelLabel}</button>
            <button type="submit" className="btn btn-danger" disabled={busy}>{confirmLabel}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
