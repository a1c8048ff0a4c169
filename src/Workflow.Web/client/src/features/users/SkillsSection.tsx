// The skill catalogue (code and label) with "Add a skill": what the skill pickers of users and dossiers offer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problemText';
import { QueryState } from '../../shared/ui/Status';
import { Dialog } from '../agendas/Dialog';
import { useSkills } from '../dossiers/api';
import { Field } from '../dossiers/Field';
import { onFields, refusalOn, useCreateSkill, type Skill } from './api';

export function SkillsSection() {
  const { t } = useTranslation('users');
  const skills = useSkills();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  return (
    <section className="mt-4" aria-labelledby="skills-title">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h2 id="skills-title" className="h4 mb-0">{t('skills.title')}</h2>
        <button type="button" className="btn btn-outline-primary" onClick={() => { setAdded(null); setAdding(true); }}>{t('skills.add')}</button>
      </div>
      <p className="text-body-secondary">{t('skills.intro')}</p>
      <div role="status">{added && <p className="alert alert-success py-2">{t('skills.added', { name: added })}</p>}</div>
      <QueryState query={skills}>
        {(rows) => rows.length === 0 ? <p className="text-body-secondary">{t('skills.none')}</p> : (
          <div className="table-responsive">
            <table className="table table-sm align-middle users-skills" id="skills">
              <caption className="visually-hidden">{t('skills.title')}</caption>
              <thead><tr><th scope="col">{t('skills.code')}</th><th scope="col">{t('skills.name')}</th></tr></thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.code}><td><code translate="no">{s.code}</code></td><td translate="no">{s.name}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {adding && (
        <Dialog title={t('skills.addTitle')} onClose={() => setAdding(false)}>
          <AddSkillForm onDone={(skill) => { setAdding(false); if (skill) setAdded(skill.name); }} />
        </Dialog>
      )}
    </section>
  );
}

function AddSkillForm({ onDone }: { onDone: (skill?: Skill) => void }) {
  const { t } = useTranslation('users');
  const create = useCreateSkill();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const error = create.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ code: code.trim(), name }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('skills.code')} errors={refusalOn(error, 'code', 'code', 'duplicateCode')} help={t('skills.codeHelp')}>
        <input className="form-control" value={code} onChange={(e) => setCode(e.target.value)} maxLength={64} autoComplete="off" translate="no" />
      </Field>
      <Field label={t('skills.name')} errors={refusalOn(error, 'name')} help={t('skills.nameHelp')}>
        <input className="form-control" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
      </Field>
      {error && !onFields(error) && <p className="alert alert-danger py-2" role="alert">{problemText(error)}</p>}
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>{t('common:actions.add')}</button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone()}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  );
}
