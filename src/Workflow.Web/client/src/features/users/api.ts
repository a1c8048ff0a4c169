// The users' screen server state: the filtered list, creating and changing a user, the skill catalogue.
// Every change refreshes all of ['users'] (the dossier screens' pickers read it too) or ['skills'].
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../shared/api/client';
import { errorsFor } from '../dossiers/api';
import i18n from '../../shared/i18n';

export type User = Schemas['UserSummary'];
export type Skill = Schemas['SkillDto'];
export type UserRole = 'planner' | 'expert' | 'designer' | 'admin';

export const ROLES: UserRole[] = ['planner', 'expert', 'designer', 'admin'];

export interface UserFilters { role?: string; skill?: string; search?: string }

export const useUserList = (f: UserFilters) =>
  useQuery({
    queryKey: ['users', 'admin-list', f],
    queryFn: () => unwrap(api.GET('/users', { params: { query: { role: f.role || undefined, skills: f.skill || undefined, search: f.search || undefined } } })),
    placeholderData: (previous) => previous,
  });

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserCommand']) => unwrap(api.POST('/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<Schemas['UpdateUserCommand'], 'userId'>) =>
      unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body: { ...body, userId: id } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useCreateSkill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateSkillCommand']) => unwrap(api.POST('/skills', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['skills'] }),
  });
}

/**
 * The refusal of a field in this screen's words: the server's 400 messages are English sentences, so a field it names
 * gets our sentence for that field (key of `users:serverErrors`), and a 409 "duplicate" lands on the field given.
 */
export function refusalOn(error: unknown, field: string, message = field, duplicate?: string): string[] {
  if (!(error instanceof ApiError)) return [];
  if (error.status === 409 && error.problem.reason === 'duplicate') return duplicate ? [i18n.t(`users:serverErrors.${duplicate}`)] : [];
  if (error.status !== 400) return [];
  return errorsFor(error.fieldErrors, field).length > 0 ? [i18n.t(`users:serverErrors.${message}`)] : [];
}

/** Whether the error is one shown on the fields (a 400, or the duplicate the form puts on its key field). */
export const onFields = (error: unknown) =>
  error instanceof ApiError && (error.status === 400 || (error.status === 409 && error.problem.reason === 'duplicate'));
