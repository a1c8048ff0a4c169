// i18next with one namespace per feature: each feature keeps its strings in its own i18n.ts, fr and en
// side by side, and registers them in catalogues.ts. The language is the user's saved choice, else the
// browser's (French for any fr-*), else English.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues';

export type Language = 'fr' | 'en';
export const languages: Language[] = ['fr', 'en'];
const storageKey = 'workflow.language';

export function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'fr' || saved === 'en') return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const resources: Record<string, Record<string, object>> = { fr: {}, en: {} };
for (const [ns, catalogue] of Object.entries(catalogues)) {
  resources.fr[ns] = catalogue.fr;
  resources.en[ns] = catalogue.en;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  defaultNS: 'common',
  ns: Object.keys(catalogues),
  interpolation: { escapeValue: false },
  returnNull: false,
  // A key with no string is a bug the browser tests catch: they fail on any console error.
  saveMissing: true,
  // A call that gives its own defaultValue (a catalogue word for data, such as a dossier kind, that may not have one) is not a miss.
  missingKeyHandler: (languages, namespace, key, fallbackValue) => {
    if (fallbackValue === undefined || fallbackValue === key) console.error(`Missing ${languages.join(',')} string: ${namespace}:${key}`);
  },
});

export function setLanguage(language: Language) {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  return i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;

/** The locale dates and numbers are written in: Belgian French or British English (24-hour clock in both). */
export const localeOf = (language: string) => (language === 'fr' ? 'fr-BE' : 'en-GB');

export default i18n;
