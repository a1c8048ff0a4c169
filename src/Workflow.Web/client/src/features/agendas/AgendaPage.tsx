// My agenda (/app/agenda): my week or month with my availability ranges, my external calendars and my private feed address.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../shared/shell/session';
import { Loading } from '../../shared/ui/Status';
import { CalendarFeeds } from './CalendarFeeds';
import { MyAgenda } from './MyAgenda';
import { PersonalFeed } from './PersonalFeed';
import './agenda.css';

export default function AgendaPage() {
  const { t } = useTranslation('agendas');
  const { user } = useSession();
  if (!user) return <Loading />;
  return (
    <>
      <h1 className="h3">{t('title')}</h1>
      <p className="text-body-secondary">{t('intro')}</p>
      <MyAgenda user={user} />
      <div className="row g-3 mt-1">
        <div className="col-lg-7"><CalendarFeeds userId={user.id} /></div>
        <div className="col-lg-5"><PersonalFeed userId={user.id} /></div>
      </div>
    </>
  );
}
