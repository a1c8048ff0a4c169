// The IANA time zones the browser knows, as a select (the server checks the zone against its own list).
import { useMemo, type SelectHTMLAttributes } from 'react';

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Brussels', 'UTC'];
  }
};

export function TimeZoneSelect({ value, onChange, ...rest }: { value: string; onChange: (v: string) => void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const options = useMemo(() => {
    const all = zones();
    return value && !all.includes(value) ? [value, ...all] : all;
  }, [value]);
  return (
    <select {...rest} className={`form-select ${rest.className ?? ''}`} value={value} onChange={(e) => onChange(e.target.value)} translate="no">
      {options.map((z) => <option key={z} value={z}>{z}</option>)}
    </select>
  );
}
