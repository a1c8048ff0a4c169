// Placeholder until the task page is built (another branch): shows the task's form so the forms feature
// can be used and tested. At merge, keep the task page's real version.
import { useParams } from 'react-router-dom';
import TaskForm from '../forms/TaskForm';

export default function TaskPage() {
  const { id } = useParams();
  return (
    <>
      <h1 className="h4">Task</h1>
      {id && <TaskForm taskId={id} />}
    </>
  );
}
