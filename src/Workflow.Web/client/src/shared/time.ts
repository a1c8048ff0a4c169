// Dates and times, always in the signed-in user's time zone (their profile's), never the browser's.
// The calendar widget only knows fixed offsets, so it is fed "wall-clock" strings in the user's zone
// (toWall) and what the user picks on it is read back in that zone (fromWall), which keeps DST right.
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';
import { useSession } from './shell/session';

const pad = (n: number) => String(n).padStart(2, '0');

function parts(date: Date, timeZone: string) {
  const values = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(values.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** An instant as the wall-clock time in a zone: '2026-12-01T10:00:00'. */
export function toWall(instant: string | Date, timeZone: string): string {
  const p = parts(new Date(instant), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** A wall-clock time read in a zone, as an instant. '2026-12-01T10:00' in Europe/Brussels is 09:00Z. */
export function fromWall(wall: string | Date, timeZone: string): Date {
  const text = typeof wall === 'string' ? wall : `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}T${pad(wall.getHours())}:${pad(wall.getMinutes())}:${pad(wall.getSeconds())}`;
  const [d, t = '00:00:00'] = text.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi, s = 0] = t.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, da, h, mi, s);
  // The zone's offset at that moment, found by reading the guess back; twice, for the hours DST moves.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += asUtc - seen;
  }
  return new Date(guess);
}

/** The value of an <input type="datetime-local"> for an instant, in the zone. */
export const toInputValue = (instant: string | Date | null | undefined, timeZone: string) =>
  instant ? toWall(instant, timeZone).slice(0, 16) : '';

/** Monday 00:00 of the week holding the instant, in the zone, as an instant. */
export function startOfWeek(instant: Date, timeZone: string): Date {
  const wall = toWall(instant, timeZone);
  const day = new Date(`${wall.slice(0, 10)}T00:00:00Z`);
  const shift = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - shift);
  return fromWall(day.toISOString().slice(0, 10) + 'T00:00:00', timeZone);
}

export const addDays = (instant: Date, days: number) => new Date(instant.getTime() + days * 86_400_000);

export interface Formatter {
  timeZone: string;
  locale: string;
  dateTime(value: string | Date | null | undefined): string;
  date(value: string | Date | null | undefined): string;
  time(value: string | Date | null | undefined): string;
  range(start: string | Date | null | undefined, end: string | Date | null | undefined): string;
  /** The zone's short name ("UTC+1", "CET") where a time could be misread. */
  zoneName(value?: string | Date): string;
}

export function formatter(timeZone: string, language: string): Formatter {
  const locale = localeOf(language);
  const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, hourCycle: 'h23', ...options });
  const dateTime = make({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const date = make({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = make({ hour: '2-digit', minute: '2-digit' });
  const zone = make({ timeZoneName: 'short' });
  const or = (f: Intl.DateTimeFormat) => (v: string | Date | null | undefined) => (v ? f.format(new Date(v)) : '');
  return {
    timeZone, locale,
    dateTime: or(dateTime), date: or(date), time: or(time),
    range(start, end) {
      if (!start) return '';
      if (!end) return dateTime.format(new Date(start));
      const sameDay = toWall(start, timeZone).slice(0, 10) === toWall(end, timeZone).slice(0, 10);
      return sameDay ? `${dateTime.format(new Date(start))} – ${time.format(new Date(end))}` : `${dateTime.format(new Date(start))} – ${dateTime.format(new Date(end))}`;
    },
    zoneName(value) {
      return zone.formatToParts(value ? new Date(value) : new Date()).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    },
  };
}

/** The formatter of the signed-in user: their zone, the current language. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const { user } = useSession();
  return formatter(user?.timeZone ?? 'Europe/Brussels', i18n.language);
}
