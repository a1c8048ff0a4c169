import { createContext, useContext } from 'react';

export type Say = (text: string, problem?: boolean) => void;
export const SayContext = createContext<Say>(() => {});

/** Tells the person what an action did (status) or why it did not (alert), in the cockpit's message line. */
export const useSay = () => useContext(SayContext);
