import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from './session';
import { Loading } from '../ui/Status';

/** Signed-in users with one of the roles see the screen; others are sent to sign in, or told they may not. */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, loading, has } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (roles && !has(...roles)) return <div className="alert alert-warning" role="alert">{t('errors.forbidden')}</div>;
  return <>{children}</>;
}
