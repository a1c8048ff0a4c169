// A labelled form control with its 400 errors next to it (aria-invalid + aria-describedby), the way every dossier form shows them.
import { cloneElement, useId, type ReactElement } from 'react';

export function Field({ label, errors, help, children, className }: {
  label: string; errors?: string[]; help?: string; children: ReactElement<Record<string, unknown>>; className?: string;
}) {
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  const described = [help ? `${id}-help` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const existing = (children.props.className as string | undefined) ?? '';
  const control = cloneElement(children, {
    id, 'aria-invalid': invalid || undefined, 'aria-describedby': described,
    className: `${existing}${invalid ? ' is-invalid' : ''}`,
  });
  return (
    <div className={className ?? 'mb-2'}>
      <label className="form-label mb-1" htmlFor={id}>{label}</label>
      {control}
      {help && <div id={`${id}-help`} className="form-text">{help}</div>}
      {invalid && <div id={`${id}-error`} className="invalid-feedback d-block">{errors!.join(' ')}</div>}
    </div>
  );
}

/** A checkbox with its label (and errors) beside it. */
export function Check({ label, checked, onChange, name }: { label: string; checked: boolean; onChange: (v: boolean) => void; name?: string }) {
  const id = useId();
  return (
    <div className="form-check">
      <input id={id} name={name} className="form-check-input" type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="form-check-label" htmlFor={id}>{label}</label>
    </div>
  );
}

/** Reads the optional address block (text, latitude, longitude) into the API's Address, or null when empty. */
export function toAddress(text: string, latitude: string, longitude: string) {
  if (!text.trim() && !latitude.trim() && !longitude.trim()) return null;
  const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
  return { text: text.trim(), latitude: num(latitude), longitude: num(longitude) };
}
