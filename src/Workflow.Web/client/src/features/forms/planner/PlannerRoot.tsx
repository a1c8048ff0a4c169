// The planning step's own React root (Form.io mounts it inside the form): the page's query cache and
// session, then the step.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SessionProvider } from '../../../shared/shell/session';
import { plannerHost } from './host';
import { PlanningStep, type PlanningStepProps } from './PlanningStep';

let fallback: QueryClient | null = null;

export function PlannerRoot(props: PlanningStepProps) {
  const client = plannerHost()?.queryClient ?? (fallback ??= new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <SessionProvider>
        <PlanningStep {...props} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
