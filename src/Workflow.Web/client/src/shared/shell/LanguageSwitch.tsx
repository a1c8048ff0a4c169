// French or English: the browser's language until the user chooses; the choice is saved on the user
// (PUT /auth/me/language) so it follows them to any browser, and in this browser for the sign-in page.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { languages, setLanguage, type Language } from '../i18n';
import { useSession } from './session';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user, language } = useSession();

  // The saved choice wins once the session is known.
  useEffect(() => {
    if (language && language !== i18n.language) void setLanguage(language as Language);
  }, [language, i18n]);

  async function choose(next: Language) {
    await setLanguage(next);
    if (user) await api.PUT('/auth/me/language', { body: { language: next } });
  }

  return (
    <>
      <label className="visually-hidden" htmlFor="language">{t('common:shell.language')}</label>
      <select id="language" className="form-select form-select-sm w-auto" value={i18n.language}
              onChange={(e) => void choose(e.target.value as Language)}>
        {languages.map((l) => <option key={l} value={l} lang={l}>{l === 'fr' ? 'Français' : 'English'}</option>)}
      </select>
    </>
  );
}
