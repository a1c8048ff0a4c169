// The value the planning step stores (and the server's PlannerValue reads): the appointment's
// characteristics taken from the form's earlier fields, and the choice: main user and slot.
import type { FormData } from '../api';

export interface Place { text: string; latitude: number | null; longitude: number | null }

export interface Characteristics {
  periodFrom: string;
  periodTo: string;
  durationMinutes: number;
  locationId: string | null;
  address: Place | null;
  participantIds: string[];
  userIds: string[];
}

export interface PlannerValue extends Characteristics {
  expertId?: string;
  mainUserId?: string;
  start: string;
  end: string;
  mainUserName?: string;
}

export type PlannerMode = 'expert' | 'referent';

export interface Choice { userId: string; name: string; start: string; end: string }

const iso = (v: unknown): string | null => {
  if (typeof v !== 'string' || !v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** What the form's earlier fields say about the appointment, or what is still missing. */
export function readCharacteristics(data: FormData): { value: Characteristics | null; missing: ('period' | 'duration')[] } {
  const periodFrom = iso(data.periodFrom);
  const periodTo = iso(data.periodTo);
  const duration = num(data.durationMinutes);
  const missing: ('period' | 'duration')[] = [];
  if (!periodFrom || !periodTo || periodTo <= periodFrom) missing.push('period');
  if (!duration || duration < 5 || duration > 720 || !Number.isInteger(duration)) missing.push('duration');
  if (missing.length) return { value: null, missing };
  const text = typeof data.address === 'string' ? data.address.trim() : '';
  const lat = num(data.latitude), lon = num(data.longitude);
  return {
    value: {
      periodFrom: periodFrom!, periodTo: periodTo!, durationMinutes: duration!,
      locationId: typeof data.locationId === 'string' && data.locationId ? data.locationId : null,
      address: text ? { text, latitude: lat != null && lon != null ? lat : null, longitude: lat != null && lon != null ? lon : null } : null,
      participantIds: ids(data.participantIds),
      userIds: ids(data.userIds),
    },
    missing,
  };
}

export function makeValue(c: Characteristics, mode: PlannerMode, choice: Choice): PlannerValue {
  return {
    ...c,
    [mode === 'referent' ? 'mainUserId' : 'expertId']: choice.userId,
    start: new Date(choice.start).toISOString(),
    end: new Date(choice.end).toISOString(),
    mainUserName: choice.name,
  } as PlannerValue;
}

export const mainUserOf = (v: PlannerValue | null | undefined) => v?.expertId ?? v?.mainUserId ?? null;

/**
 * The stored value once the characteristics changed: kept (with the new characteristics) while the slot
 * still fits the period and duration, dropped otherwise.
 */
export function reconcile(v: PlannerValue | null, c: Characteristics | null, mode: PlannerMode): PlannerValue | null {
  if (!v || !v.start) return v ?? null;
  if (!c) return null;
  const start = new Date(v.start).getTime();
  const end = start + c.durationMinutes * 60_000;
  if (start < new Date(c.periodFrom).getTime() || end > new Date(c.periodTo).getTime()) return null;
  const user = mainUserOf(v);
  if (!user) return null;
  return makeValue(c, mode, { userId: user, name: v.mainUserName ?? '', start: v.start, end: new Date(end).toISOString() });
}
