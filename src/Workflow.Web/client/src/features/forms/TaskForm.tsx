// The form of a task (GET /tasks/{id}/form): the pinned Form.io version, rendered and submitted.
// Placeholder until the Form.io wrapper is built; the task page shows it below the task's header.
import type { Schemas } from '../../shared/api/client';

export interface TaskFormProps {
  taskId: string;
  /** Called with the completed task once the server accepted the submission. */
  onCompleted?(task: Schemas['TaskDto']): void;
}

export default function TaskForm({ taskId }: TaskFormProps) {
  return <div data-task-form={taskId} />;
}
