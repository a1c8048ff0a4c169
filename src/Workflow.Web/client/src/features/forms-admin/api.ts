// The forms administration's server state: the form definitions, a form's versions and their schemas,
// importing a version, and people's names (who imported), in one place with their query keys.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';

export type FormSummary = Schemas['FormSummary'];
export type FormVersion = Schemas['FormVersionDto'];
export type ImportResult = Schemas['ImportFormResult'];

export const keys = {
  all: ['forms-admin'] as const,
  list: ['forms-admin', 'list'] as const,
  versions: (key: string) => ['forms-admin', 'versions', key] as const,
  schema: (key: string, version: number) => ['forms-admin', 'schema', key, version] as const,
  users: ['forms-admin', 'users'] as const,
};

export const useFormList = () => useQuery({ queryKey: keys.list, queryFn: () => unwrap(api.GET('/forms')) });

/** A form's versions, newest first. */
export const useFormVersions = (key: string) => useQuery({
  queryKey: keys.versions(key),
  queryFn: async () => [...await unwrap(api.GET('/forms/{key}/versions', { params: { path: { key } } }))].reverse(),
  retry: false,
});

/** A version's schema (versions never change: cached for good). */
export const useFormSchema = (key: string, version: number | null) => useQuery({
  queryKey: keys.schema(key, version ?? 0),
  queryFn: async () => (await unwrap(api.GET('/forms/{key}/versions/{version}', { params: { path: { key, version: version! } } }))).schema as object,
  enabled: version !== null,
  staleTime: Infinity,
});

/** People's names by id. */
export const useUserNames = () => useQuery({
  queryKey: keys.users,
  queryFn: async () => new Map((await unwrap(api.GET('/users', { params: { query: {} } }))).map((u) => [u.id, u.fullName] as const)),
  staleTime: 5 * 60_000,
});

/** Imports a schema under a key: 201 a new version, 200 the same content as the latest (nothing created). */
export function useImportForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, schema }: { key: string; schema: object }) =>
      unwrap(api.POST('/forms/{key}/versions', { params: { path: { key } }, body: { schema } as never })),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: keys.list });
      void client.invalidateQueries({ queryKey: keys.versions(result.form.key) });
    },
  });
}
