// Required skills as a group of checkboxes from GET /skills.
import { useTranslation } from 'react-i18next';
import { useSkills } from './api';
import { Check } from './Field';

export function SkillPicker({ value, onChange, errors, label }: { value: string[]; onChange: (v: string[]) => void; errors?: string[]; label?: string }) {
  const { t } = useTranslation('dossiers');
  const skills = useSkills();
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className="mb-2">
      <legend className="form-label fs-6 mb-1">{label ?? t('fields.skills')}</legend>
      {skills.isPending && <p className="text-body-secondary small mb-0">{t('common:app.loading')}</p>}
      {skills.data?.length === 0 && <p className="text-body-secondary small mb-0">{t('create.noSkills')}</p>}
      <div className="d-flex flex-wrap column-gap-3">
        {skills.data?.map((s) => <Check key={s.code} label={s.name} checked={value.includes(s.code)} onChange={(on) => toggle(s.code, on)} />)}
      </div>
      {errors && errors.length > 0 && <div className="invalid-feedback d-block">{errors.join(' ')}</div>}
    </fieldset>
  );
}

/** Skill codes as the catalogue's names. */
export function useSkillNames() {
  const skills = useSkills();
  return (code: string) => skills.data?.find((s) => s.code === code)?.name ?? code;
}
