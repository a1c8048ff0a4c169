// A version's form drawn by Form.io as task users see it, read-only: our FormioForm wrapper (the task form
// renderer's), with no task or dossier behind it, so nothing is sent and nothing is looked up for one.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../shared/shell/session';
import { FormioForm, type WorkflowContext } from '../forms/FormioForm';

export default function FormPreview({ schema, label }: { schema: object; label: string }) {
  const { t, i18n } = useTranslation('formsAdmin');
  const { user } = useSession();
  const [failed, setFailed] = useState(false);
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const workflow = useMemo<WorkflowContext>(() => ({
    dossierId: '', referentId: '', taskId: '', timeZone: user?.timeZone ?? 'Europe/Brussels', language, userId: user?.id ?? '',
  }), [user?.timeZone, user?.id, language]);
  if (failed) return <div className="alert alert-warning" role="alert">{t('page.previewFailed')}</div>;
  return <FormioForm schema={schema} data={{}} readOnly language={language} workflow={workflow} label={label} onSubmit={async () => false} onError={() => setFailed(true)} />;
}
