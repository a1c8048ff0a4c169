// Answering an invitation: accept, decline or accept tentatively, with an optional comment.
// Used on "my invitations" (which says the outcome itself, as the answered card may leave the pending list)
// and on the appointment itself when the reader is invited.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problemText';
import { useAnswerInvitation, type Answer } from './api';

interface Props {
  invitationId: string;
  appointmentId: string;
  current: string;
  currentComment?: string | null;
  onAnswered?: (answer: Answer) => void;
}

const answers: { value: Answer; className: string }[] = [
  { value: 'accepted', className: 'btn-success' },
  { value: 'tentative', className: 'btn-warning' },
  { value: 'declined', className: 'btn-outline-danger' },
];

export function InvitationAnswer({ invitationId, appointmentId, current, currentComment, onAnswered }: Props) {
  const { t } = useTranslation('invitations');
  const id = useId();
  const [comment, setComment] = useState(currentComment ?? '');
  const answer = useAnswerInvitation(appointmentId);
  const [said, setSaid] = useState<Answer | null>(null);

  function send(value: Answer) {
    setSaid(value);
    answer.mutate({ invitationId, answer: value, comment }, { onSuccess: () => onAnswered?.(value) });
  }

  return (
    <div className="invitation-answer">
      <label className="form-label" htmlFor={`${id}-comment`}>{t('answer.comment')}</label>
      <textarea id={`${id}-comment`} className="form-control mb-2" rows={2} maxLength={1000} value={comment}
                onChange={(e) => setComment(e.target.value)} />
      <div className="d-flex flex-wrap gap-2" role="group" aria-label={t('answer.group')}>
        {answers.map((a) => (
          <button key={a.value} type="button" className={`btn ${a.className}`} disabled={answer.isPending}
                  aria-pressed={current === a.value} onClick={() => send(a.value)}>
            {t(`answer.${a.value}`)}
          </button>
        ))}
      </div>
      {answer.isSuccess && said && !onAnswered && <p className="text-success mt-2 mb-0" role="status">{t('answer.done', { answer: t(`common:status.${said}`) })}</p>}
      {answer.error && <p className="alert alert-danger py-2 mt-2 mb-0" role="alert">{problemText(answer.error)}</p>}
    </div>
  );
}
