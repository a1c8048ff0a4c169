// The panel's fields: a text field applied when it is left (or on Enter), as a person expects, kept
// in step with the diagram when undo/redo changes it; a select applied when chosen.
import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

export const blank = (v: unknown): string | undefined => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());

interface TextProps {
  label?: string;
  ariaLabel?: string;
  name: string;
  value: string | undefined | null;
  onCommit: (value: string | undefined) => void;
  placeholder?: string;
  required?: boolean;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  className?: string;
}

export function TextInput({ id, ariaLabel, name, value, onCommit, placeholder, required, inputMode, className }: Omit<TextProps, 'label'> & { id?: string }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => { if (draft !== (value ?? '')) onCommit(blank(draft)); };
  return (
    <input id={id} className={`form-control form-control-sm ${className ?? ''}`} name={name} value={draft} aria-label={ariaLabel}
           placeholder={placeholder} required={required} inputMode={inputMode}
           onChange={(e) => setDraft(e.target.value)} onBlur={commit}
           onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } }} />
  );
}

export function TextField({ label, ...input }: TextProps) {
  const id = useId();
  return (
    <div className="d-grid gap-1 mb-2">
      <label className="small fw-semibold" htmlFor={id}>{label}</label>
      <TextInput id={id} {...input} />
    </div>
  );
}

export interface Option { value: string; label: string }

export function SelectField({ label, name, value, options, onCommit }: { label: string; name: string; value: string | undefined | null; options: Option[]; onCommit: (value: string | undefined) => void }) {
  const { t } = useTranslation('workflows');
  const current = value ?? '';
  const known = options.some((o) => o.value === current);
  const all = [{ value: '', label: '—' }, ...options, ...(known || !current ? [] : [{ value: current, label: t('panel.unknown', { value: current }) }])];
  const id = useId();
  return (
    <div className="d-grid gap-1 mb-2">
      <label className="small fw-semibold" htmlFor={id}>{label}</label>
      <select id={id} className="form-select form-select-sm" name={name} value={current} onChange={(e) => onCommit(blank(e.target.value))}>
        {all.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
