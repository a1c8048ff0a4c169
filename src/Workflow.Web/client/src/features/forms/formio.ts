// Form.io, loaded once and set up for this application (only the task form's chunk imports this file):
// every request goes to our own server (selects read our API, with the session cookie), the libraries
// it would fetch from cdn.form.io (flatpickr, its French locale) are bundled or served from /lib/cdn,
// the planning step is registered, and the form's strings come in the user's language.
import flatpickr from 'flatpickr';
import { flatpickrFr } from '../../shared/i18n/flatpickr';
import 'flatpickr/dist/flatpickr.min.css';
import '@formio/js/dist/formio.form.min.css';
// Form.io's Bootstrap 5 templates draw their icons (the date field's calendar, a wizard's check) with Bootstrap Icons.
import 'bootstrap-icons/font/bootstrap-icons.min.css';
import './forms.css';
import { registerAppointmentPlanner } from './planner/register';
import { formioStrings } from './i18n';
import { formioI18n } from './formio-i18n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FormioApi = any;

let loading: Promise<FormioApi> | null = null;

/** Form.io, imported lazily and set up once. */
export function loadFormio(): Promise<FormioApi> {
  loading ??= (async () => {
    const { Formio, Utils } = await import('@formio/js');
    // The Content-Security-Policy forbids eval: "{{ data.dossierId }}" in a select's URL is interpolated, not compiled.
    Utils.Evaluator.noeval = true;
    // Selects with a url ("/locations", "/users") read our API, not Form.io's cloud.
    Formio.setBaseUrl(location.origin);
    Formio.setProjectUrl(location.origin);
    // What Form.io loads on demand comes from us (scripts/web-assets.sh copies it to /lib/cdn), never cdn.form.io.
    Formio.cdn.setBaseUrl(`${location.origin}/lib/cdn`);
    // The date picker and its French locale are bundled: Form.io finds them on window and fetches nothing.
    const w = window as unknown as Record<string, unknown>;
    w.flatpickr = flatpickr;
    flatpickr.l10ns.fr = flatpickrFr;
    w['flatpickr-fr'] = flatpickrFr;
    registerAppointmentPlanner(Formio);
    return Formio;
  })();
  return loading;
}

/** Form.io's own strings (buttons, validation messages: formio-i18n.ts) and our shipped forms' labels, per language. */
export function formioTranslations(): Record<string, Record<string, string>> {
  const strings = formioStrings as Record<string, Record<string, string>>;
  return {
    fr: { ...formioI18n.fr, ...strings.fr },
    en: { ...formioI18n.en, ...strings.en },
  };
}

export type FormLanguage = 'fr' | 'en';

/**
 * The schema made ready for the user: date pickers with a 24-hour clock in their language, dates read and
 * shown in their profile's time zone (not the browser's). Returns a copy; the pinned version is untouched.
 */
export function prepareSchema<T>(schema: T, language: FormLanguage, timeZone: string): T {
  const copy = structuredClone(schema);
  const walk = (node: unknown) => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    const c = node as Record<string, unknown>;
    if (c.type === 'datetime') {
      const enableTime = c.enableTime !== false;
      c.format = enableTime ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy';
      c.timePicker = { ...(c.timePicker as object | undefined), showMeridian: false };
      c.displayInTimezone = 'location';
      c.timezone = timeZone;
      c.useLocaleSettings = false;
      c.widget = { ...(c.widget as object | undefined), type: 'calendar', time_24hr: true, locale: language, format: c.format, enableTime };
    }
    for (const key of ['components', 'columns', 'rows']) if (key in c) walk(c[key]);
  };
  const root = copy as Record<string, unknown>;
  walk(root.components);
  // A single-page form needs a submit button (older pinned versions of first-meeting had none).
  if (root.display !== 'wizard' && Array.isArray(root.components)) {
    let hasSubmit = false;
    const find = (node: unknown) => {
      if (Array.isArray(node)) { node.forEach(find); return; }
      if (!node || typeof node !== 'object') return;
      const c = node as Record<string, unknown>;
      if (c.type === 'button' && (c.action ?? 'submit') === 'submit') hasSubmit = true;
      for (const key of ['components', 'columns', 'rows']) if (key in c) find(c[key]);
    };
    find(root.components);
    if (!hasSubmit) root.components.push({ type: 'button', key: 'submit', label: 'Submit', action: 'submit', input: true, theme: 'primary' });
  }
  return copy;
}
