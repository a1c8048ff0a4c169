// A date and time field that reads and writes the same way in every browser: day/month/year and a 24-hour
// clock, in the application's language (a native datetime-local input follows the browser's own locale, so
// an English browser shows AM/PM). The value is a wall time "YYYY-MM-DDTHH:mm" in the user's zone (the
// caller turns it into an instant with fromWall); the field can be typed in ("23/11/2026 14:30") or picked
// in flatpickr's calendar (the one Form.io's forms use too), opened by the button beside it.
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import flatpickr from 'flatpickr';
import { flatpickrFr } from '../i18n/flatpickr';
import 'flatpickr/dist/flatpickr.min.css';

type Instance = import('flatpickr/dist/types/instance').Instance;

export interface DateTimeInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  /** "YYYY-MM-DDTHH:mm" (or "YYYY-MM-DD" with dateOnly), or '' when empty. */
  value: string;
  onChange(value: string): void;
  dateOnly?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23T14:30" → "23/11/2026 14:30". */
export function wallToText(value: string, dateOnly = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return '';
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return dateOnly ? day : `${day} ${m[4] ?? '00'}:${m[5] ?? '00'}`;
}

/** "23/11/2026 14:30" (or "23/11/2026 9h30", "2026-11-23T14:30") → "2026-11-23T14:30"; null when it is no date. */
export function textToWall(text: string, dateOnly = false): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})[:h](\d{2}))?$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/.exec(t);
  let y: number, mo: number, d: number, h: number | undefined, mi: number | undefined;
  if (iso) [y, mo, d, h, mi] = [+iso[1], +iso[2], +iso[3], iso[4] ? +iso[4] : undefined, iso[5] ? +iso[5] : undefined];
  else if (dmy) [d, mo, y, h, mi] = [+dmy[1], +dmy[2], +dmy[3], dmy[4] ? +dmy[4] : undefined, dmy[5] ? +dmy[5] : undefined];
  else return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (dateOnly) return day;
  if (h === undefined || mi === undefined || h > 23 || mi > 59) return null;
  return `${day}T${pad(h)}:${pad(mi)}`;
}

const wallToDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  return m ? new Date(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0) : null;
};

const dateToWall = (d: Date, dateOnly: boolean) => {
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return dateOnly ? day : `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function DateTimeInput({ value, onChange, dateOnly = false, className, disabled, ...rest }: DateTimeInputProps) {
  const { t, i18n } = useTranslation('common');
  const anchor = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const picker = useRef<Instance | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  const [text, setText] = useState(() => wallToText(value, dateOnly));
  const [invalid, setInvalid] = useState(false);

  // The value from outside (a click on an agenda, a reset) wins over what was being typed.
  useEffect(() => {
    if (textToWall(text, dateOnly) !== (value || null)) setText(wallToText(value, dateOnly));
    picker.current?.setDate(wallToDate(value) ?? [], false);
  }, [value, dateOnly]); // eslint-disable-line react-hooks/exhaustive-deps

  // The calendar hangs on a hidden input of its own, under the field, and opens from the button: the text field
  // stays a plain field for the keyboard (flatpickr on it would take Backspace and Enter and rewrite what is
  // typed). It is drawn in place ("static"), so it works inside a modal <dialog> too. The hidden input is made
  // here, not by React, because flatpickr wraps it in an element of its own.
  useEffect(() => {
    const holder = anchor.current;
    if (!holder) return;
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    holder.appendChild(hidden);
    const fp = flatpickr(hidden, {
      enableTime: !dateOnly,
      time_24hr: true,
      clickOpens: false,
      static: true,
      locale: i18n.language.startsWith('fr') ? flatpickrFr : 'default',
      defaultDate: wallToDate(value) ?? undefined,
      onChange: (dates) => {
        if (!dates[0]) return;
        const wall = dateToWall(dates[0], dateOnly);
        setText(wallToText(wall, dateOnly));
        setInvalid(false);
        latest.current(wall);
      },
      onClose: () => field.current?.focus(),
    }) as unknown as Instance;
    picker.current = fp;
    // flatpickr turns its input into a text field: it is only the calendar's anchor, out of the page's fields.
    hidden.type = 'hidden';
    return () => { fp.destroy(); picker.current = null; holder.replaceChildren(); };
  }, [dateOnly, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (typed: string) => {
    if (!typed.trim()) { setInvalid(false); latest.current(''); return; }
    const wall = textToWall(typed, dateOnly);
    setInvalid(!wall);
    if (!wall) return;
    setText(wallToText(wall, dateOnly));
    if (wall !== value) latest.current(wall);
  };

  const small = (className ?? '').includes('form-control-sm');
  return (
    <div className="datetime-input">
      <div className={`input-group flex-nowrap${small ? ' input-group-sm' : ''}`}>
        <input
          {...rest}
          ref={field}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          disabled={disabled}
          className={`${className ?? 'form-control'}${invalid ? ' is-invalid' : ''}`}
          placeholder={t(dateOnly ? 'dateInput.placeholderDate' : 'dateInput.placeholder')}
          aria-invalid={invalid || rest['aria-invalid'] || undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const wall = textToWall(e.target.value, dateOnly);
            if (wall) { setInvalid(false); if (wall !== value) latest.current(wall); }
          }}
          onBlur={(e) => commit(e.target.value)}
        />
        <button type="button" className="btn btn-outline-secondary" disabled={disabled} title={t('dateInput.open')} aria-label={t('dateInput.open')}
          onClick={() => picker.current?.open()}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
            <path d="M3.5 0a.5.5 0 0 1 .5.5V1h8V.5a.5.5 0 0 1 1 0V1h1a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H2a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2h1V.5a.5.5 0 0 1 .5-.5M1 4v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V4z" />
          </svg>
        </button>
      </div>
      <div ref={anchor} className="datetime-input-calendar" />
    </div>
  );
}
