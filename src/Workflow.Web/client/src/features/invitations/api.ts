// My invitations: the list (pending first, or all), and answering one. An answer refreshes the list,
// the appointment it is about and the shell's pending badge.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';
import { invitationCountKey } from '../../shared/shell/Layout';

export type MyInvitation = Schemas['MyInvitationDto'];
export type Answer = Schemas['InvitationReply'];

export const myInvitationsKey = (all: boolean) => ['invitations', 'mine', all ? 'all' : 'pending'] as const;

export const useMyInvitations = (all: boolean) =>
  useQuery({
    queryKey: myInvitationsKey(all),
    queryFn: () => unwrap(api.GET('/invitations/mine', { params: { query: { status: all ? 'all' : undefined } } })),
  });

export function useAnswerInvitation(appointmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { invitationId: string; answer: Answer; comment: string }) =>
      unwrap(api.POST('/invitations/{id}/answer', {
        params: { path: { id: v.invitationId } },
        body: { answer: v.answer, comment: v.comment.trim() || null },
      })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: invitationCountKey });
      void client.invalidateQueries({ queryKey: ['invitations', 'mine'] });
      void client.invalidateQueries({ queryKey: ['appointments', appointmentId] });
    },
  });
}

/** The appointment an invitation is about (same cache entry as the appointment screen's). */
export const useInvitedAppointment = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['appointments', id], enabled, queryFn: () => unwrap(api.GET('/appointments/{id}', { params: { path: { id } } })) });

/** The pending count, the same query as the shell's badge. */
export const usePendingCount = () =>
  useQuery({ queryKey: invitationCountKey, queryFn: () => unwrap(api.GET('/invitations/mine/count')) });
