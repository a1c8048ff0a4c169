// The frame of every screen once signed in: the header with navigation by role, the pending
// invitations badge, the language switch, the time zone, who I am and signing out.
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { LanguageSwitch } from './LanguageSwitch';
import { sessionKey, useSession, type Role } from './session';
import { formatter } from '../time';

export const invitationCountKey = ['invitations', 'count'] as const;
/** Instances waiting on an open incident (up to 100), for designers and admins: the badge on "Instances". */
export const incidentCountKey = ['workflows', 'incidents', 'count'] as const;

interface Item { to: string; label: string; roles: Role[] }

export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, has } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const pending = useQuery({
    queryKey: invitationCountKey,
    queryFn: () => unwrap(api.GET('/invitations/mine/count')),
    refetchInterval: 60_000,
    enabled: !!user,
  });
  const stuck = useQuery({
    queryKey: incidentCountKey,
    queryFn: async () => (await unwrap(api.GET('/workflows/instances', { params: { query: { incidents: true, limit: 100 } } }))).length,
    refetchInterval: 60_000,
    enabled: !!user && has('designer', 'admin'),
  }).data ?? 0;
  if (!user) return null;

  const items: Item[] = [
    { to: '/tasks', label: t('nav.inbox'), roles: ['planner', 'expert', 'admin'] },
    { to: '/dossiers', label: t('nav.dossiers'), roles: ['planner', 'expert', 'admin'] },
    { to: '/agenda', label: t('nav.agenda'), roles: ['planner', 'expert', 'admin'] },
    { to: '/designer', label: t('nav.designer'), roles: ['designer', 'admin'] },
    { to: '/instances', label: t('nav.instances'), roles: ['designer', 'admin'] },
    { to: '/forms', label: t('nav.forms'), roles: ['designer', 'admin'] },
    { to: '/users', label: t('nav.users'), roles: ['admin'] },
  ];
  const count = pending.data?.pending ?? 0;
  const zone = formatter(user.timeZone, i18n.language);

  async function signOut() {
    await api.POST('/auth/logout');
    // Nothing of the signed-out user stays in memory; the session is known to be empty at once.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    client.setQueryData(sessionKey, (old: object | undefined) => ({ ...old, user: null, language: null }));
    navigate('/signin');
  }

  return (
    <>
      <a className="visually-hidden-focusable" href="#main">{t('app.skip')}</a>
      <header className="navbar navbar-expand-lg bg-body-tertiary border-bottom px-3 py-1">
        <span className="navbar-brand fw-semibold">{t('app.name')}</span>
        <nav aria-label={t('nav.main')} className="me-auto">
          <ul className="navbar-nav flex-row flex-wrap column-gap-1">
            {items.filter((i) => has(...i.roles)).map((i) => (
              <li className="nav-item" key={i.to}><NavLink className="nav-link px-2" to={i.to}>{i.label}{i.to === '/instances' && stuck > 0 && <> <span className="badge rounded-pill text-bg-danger" aria-label={t('nav.incidents', { count: stuck })}>{stuck >= 100 ? '100+' : stuck}</span></>}</NavLink></li>
            ))}
            <li className="nav-item">
              <NavLink className="nav-link px-2" to="/invitations">
                {t('nav.invitations')}
                {count > 0 && <> <span className="badge rounded-pill text-bg-danger" aria-label={t('nav.pending', { count })}>{count}</span></>}
              </NavLink>
            </li>
          </ul>
        </nav>
        {/* Who I am and the zone every time is shown in, on two short lines: the header stays on one line on a laptop. */}
        <div className="d-flex align-items-center gap-2 small flex-wrap flex-lg-nowrap">
          <LanguageSwitch />
          <div className="lh-sm text-end shell-who">
            <div><span className="visually-hidden">{t('shell.signedInLabel')} </span>{user.fullName}</div>
            <div className="text-body-secondary" title={user.timeZone}>
              <span className="visually-hidden">{t('shell.timeZoneLabel')} </span>{user.timeZone} ({zone.zoneName()})
            </div>
          </div>
          <button type="button" className="btn btn-sm btn-outline-dark text-nowrap" onClick={() => void signOut()}>{t('shell.signOut')}</button>
        </div>
      </header>
      <main id="main" className="container-fluid py-3" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
