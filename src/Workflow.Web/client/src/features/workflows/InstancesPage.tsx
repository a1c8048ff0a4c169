// The instances cockpit: the list of workflow instances with filters (/app/instances), one instance
// with its diagram, journal and repairs (/app/instances/:id); admins also migrate instances.
import { useCallback, useEffect, useState } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { InstanceList } from './instances/InstanceList';
import { InstanceDetail } from './instances/InstanceDetail';
import { SayContext, type Say } from './instances/say';
import './instances/instances.css';

interface Said { text: string; problem: boolean }

export default function InstancesPage() {
  const [said, setSaid] = useState<Said>({ text: '', problem: false });
  const say = useCallback<Say>((text, problem = false) => setSaid({ text, problem }), []);
  const location = useLocation();
  // A message belongs to the screen it was said on; a migration's outcome stays until the next screen.
  useEffect(() => { setSaid((s) => (s.problem ? { text: '', problem: false } : s)); }, [location.pathname]);
  return (
    <SayContext.Provider value={say}>
      <Routes>
        <Route index element={<InstanceList message={<Message said={said} />} />} />
        <Route path=":id" element={<InstanceDetail message={<Message said={said} />} />} />
      </Routes>
    </SayContext.Provider>
  );
}

function Message({ said }: { said: Said }) {
  return (
    <p id="message" role={said.problem ? 'alert' : 'status'} className={said.problem ? 'problem text-danger fw-semibold' : 'text-primary'}>
      {said.text}
    </p>
  );
}
