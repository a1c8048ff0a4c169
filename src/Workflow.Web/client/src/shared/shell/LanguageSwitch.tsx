// French or English: the browser's language until the user chooses; the choice is saved on the user
// (PUT /auth/me/language) so it follows them to any browser, and in this browser for the sign-in page.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { languages, setLanguage, type Language } from '../i18n';
import { sessionKey, useSession } from './session';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user, language } = useSession();
  const client = useQueryClient();
  const applied = useRef<string | null>(null);

  // The saved choice wins once, when the user becomes known; after that only the user's own choice changes it
  // (a session read that was already on its way must not put back the language just left).
  useEffect(() => {
    if (!user || applied.current === user.id) return;
    applied.current = user.id;
    if (language && language !== i18n.language) void setLanguage(language as Language);
  }, [user, language, i18n]);

  async function choose(next: Language) {
    client.setQueryData(sessionKey, (old: object | undefined) => (old ? { ...old, language: next } : old));
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
