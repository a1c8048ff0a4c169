// The form definitions (/app/forms), for designers and admins: key, title, latest version, when it was
// imported, how many versions; "Import a form" (?import=1) opens the import panel for a new key.
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/time';
import { QueryState } from '../../shared/ui/Status';
import { useFormList } from './api';
import { ImportPanel } from './ImportPanel';
import './forms-admin.css';

export default function FormsPage() {
  const { t } = useTranslation('formsAdmin');
  const format = useFormat();
  const list = useFormList();
  const [params, setParams] = useSearchParams();
  const importing = params.get('import') === '1';

  return (
    <div>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h1 className="h3 mb-0">{t('list.title')}</h1>
        {!importing && <button type="button" className="btn btn-primary" onClick={() => setParams({ import: '1' })}>{t('list.import')}</button>}
      </div>
      <p className="text-body-secondary">{t('list.intro')}</p>

      {importing && <ImportPanel knownKeys={list.data?.map((f) => f.key)} onClose={() => setParams({})} />}

      <QueryState query={list}>
        {(forms) => forms.length === 0 ? <p className="text-body-secondary" id="no-forms">{t('list.none')}</p> : (
          <div className="table-responsive">
            <table className="table table-hover align-middle" id="forms">
              <caption className="visually-hidden">{t('list.count', { count: forms.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.key')}</th><th scope="col">{t('list.formTitle')}</th><th scope="col" className="text-end">{t('list.latest')}</th>
                  <th scope="col">{t('list.updated')}</th><th scope="col" className="text-end">{t('list.versions')}</th>
                </tr>
              </thead>
              <tbody>
                {forms.map((f) => (
                  <tr key={f.key} data-key={f.key}>
                    <td><Link to={`/forms/${encodeURIComponent(f.key)}`} className="fw-semibold font-monospace" translate="no">{f.key}</Link></td>
                    <td translate="no">{f.title}</td>
                    <td className="text-end latest">{`v${f.latestVersion}`}</td>
                    <td className="text-nowrap">{format.dateTime(f.updatedAt)}</td>
                    <td className="text-end count">{f.versions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </div>
  );
}
