// Our thin wrapper around Form.io: the rest of the application gives a schema, data and callbacks and
// never sees Form.io's API. Form.io renders with its Bootstrap 5 templates into a div of ours.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { formioTranslations, loadFormio, prepareSchema, type FormioApi, type FormLanguage } from './formio';
import type { FormData } from './api';
import { setPlannerHost } from './planner/host';

/** What the planning step (and hidden fields) learn about the task from the page. */
export interface WorkflowContext {
  dossierId: string;
  referentId: string;
  taskId: string;
  timeZone: string;
  language: FormLanguage;
  /** The signed-in user: the referent mode lets them book in their own agenda outside ranges. */
  userId: string;
}

export interface FieldError { path: string; rule?: string; message: string }

export interface FormioFormHandle {
  /** The data as typed so far (for a draft). */
  data(): FormData;
  /** Marks each error on its field (by path, the closest component found) and goes to its page. */
  showErrors(errors: FieldError[]): void;
  /** Moves to the field of an error and focuses it. */
  focusField(path: string): void;
}

export interface FormioFormProps {
  schema: object;
  data: FormData;
  readOnly: boolean;
  language: FormLanguage;
  workflow: WorkflowContext;
  label: string;
  /** Called with the data once Form.io's own checks pass; resolve true when the server accepted it. */
  onSubmit?(data: FormData): Promise<boolean>;
  onReady?(): void;
  onError?(error: unknown): void;
  /** Called with the data when the user changes a value (not when the form sets its own). */
  onChange?(data: FormData): void;
}

type Form = FormioApi;

function componentFor(form: Form, path: string): Form | null {
  // 'planning.start' → the planning component; 'participantIds[0]' → participantIds.
  let p = path.replace(/\[\d+\]/g, '');
  for (;;) {
    const found = form.getComponent?.(p);
    if (found) return found;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return null;
    p = p.slice(0, dot);
  }
}

function pageOf(form: Form, component: Form): number {
  const pages: Form[] = form.pages ?? [];
  for (let i = 0; i < pages.length; i++) {
    let found = false;
    pages[i].everyComponent?.((c: Form) => { if (c === component || c.id === component.id) found = true; });
    if (found) return i;
  }
  return -1;
}

function focusFirstField(root: HTMLElement | null) {
  const field = root?.querySelector<HTMLElement>(
    '.formio-component input:not([type=hidden]):not([disabled]), .formio-component select:not([disabled]), .formio-component textarea:not([disabled]), .appointment-planner button');
  field?.focus();
}

export const FormioForm = forwardRef<FormioFormHandle, FormioFormProps>(function FormioForm(props, ref) {
  const element = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const queryClient = useQueryClient();
  const { schema, readOnly, language, workflow } = props;

  useImperativeHandle(ref, () => ({
    data: () => ({ ...(form.current?.submission?.data ?? {}) }),
    showErrors(errors) {
      const f = form.current;
      if (!f) return;
      const byComponent = new Map<Form, string[]>();
      for (const e of errors) {
        const c = componentFor(f, e.path);
        if (c) byComponent.set(c, [...(byComponent.get(c) ?? []), e.message]);
      }
      let firstPage = -1;
      for (const c of byComponent.keys()) {
        const page = pageOf(f, c);
        if (page >= 0 && (firstPage < 0 || page < firstPage)) firstPage = page;
      }
      const mark = () => {
        for (const [c, messages] of byComponent) {
          const live = f.getComponent?.(c.path ?? c.key) ?? c;
          const list = messages.map((message) => ({ message, level: 'error', fromServer: true, component: live.component }));
          live.serverErrors = list;
          live.setCustomValidity(list, true, true);
          // A component that draws itself (the planning step) also says it in its own words.
          live.setServerErrors?.(messages);
        }
      };
      if (firstPage >= 0 && typeof f.setPage === 'function' && f.page !== firstPage) void Promise.resolve(f.setPage(firstPage)).then(mark);
      else mark();
    },
    focusField(path) {
      const f = form.current;
      const c = f && componentFor(f, path);
      if (!c) return;
      const page = pageOf(f, c);
      const go = page >= 0 && f.page !== page ? Promise.resolve(f.setPage(page)) : Promise.resolve();
      void go.then(() => {
        const live = f.getComponent(c.path ?? c.key) ?? c;
        (live.element?.querySelector('input:not([type=hidden]), select, textarea, button') as HTMLElement | null)?.focus();
      });
    },
  }), []);

  useEffect(() => {
    let cancelled = false;
    let created: Form | null = null;
    let disconnect = () => {};
    void (async () => {
      try {
        // The planning step renders React inside the form: it shares the application's query cache.
        setPlannerHost({ queryClient });
        const Formio = await loadFormio();
        if (cancelled || !element.current) return;
        created = await Formio.createForm(element.current, prepareSchema(schema, language, workflow.timeZone), {
          readOnly,
          language,
          i18n: formioTranslations(),
          noAlerts: true,
          buttonSettings: { showCancel: false },
          workflow,
        });
        if (cancelled) { created.destroy?.(); return; }
        form.current = created;
        created.submission = { data: latest.current.data };
        // The wizard's page list is a tablist of <li>s: presentational items, so its tabs are the list's own.
        const tidy = () => {
          const root = element.current;
          if (!root) return;
          root.querySelectorAll('[role="tablist"] > li:not([role])').forEach((li) => li.setAttribute('role', 'presentation'));
          // A read-only text area is shown as a div with the textbox role, and a select's search box is a copy of its
          // input: both are named after their field.
          root.querySelectorAll('.formio-editor-read-only-content:not([aria-label]), .choices__input--cloned:not([aria-label])').forEach((div) => {
            const label = div.closest('.formio-component')?.querySelector('label')?.textContent?.trim();
            if (label) div.setAttribute('aria-label', label);
          });
          // Read-only, a checkbox or radio option's text is a <span>, not the <label> around its input: the input is
          // named by that text.
          root.querySelectorAll<HTMLInputElement>('.form-check > input.form-check-input:not([aria-labelledby]):not([aria-label])').forEach((input) => {
            const text = input.parentElement?.querySelector<HTMLElement>(':scope > span.form-check-label');
            if (!text || !input.id) return;
            text.id ||= `${input.id}-text`;
            input.setAttribute('aria-labelledby', text.id);
          });
        };
        created.on('render', tidy);
        // Form.io redraws parts of the form on its own (read-only views, wizard pages): tidy whatever it draws.
        const observer = new MutationObserver(tidy);
        if (element.current) observer.observe(element.current, { subtree: true, childList: true });
        disconnect = () => observer.disconnect();
        tidy();
        const step = () => setTimeout(() => { tidy(); focusFirstField(element.current); }, 0);
        created.on('nextPage', step);
        created.on('prevPage', step);
        created.on('wizardPageSelected', step);
        // Form.io says "modified" when the change is the user's, not a value it computed or set itself.
        created.on('change', (event: { data?: FormData }, _flags: unknown, modified?: boolean) => {
          if (modified && event?.data) latest.current.onChange?.(event.data);
        });
        created.on('submit', async (submission: { data: FormData }) => {
          const accepted = await (latest.current.onSubmit?.(submission.data) ?? Promise.resolve(true));
          // Tells the submit button to stop spinning either way.
          created.emit(accepted ? 'submitDone' : 'submitError', accepted ? submission : []);
        });
        latest.current.onReady?.();
      } catch (error) {
        latest.current.onError?.(error);
      }
    })();
    return () => {
      cancelled = true;
      disconnect();
      created?.destroy?.(true);
      form.current = null;
      if (element.current) element.current.innerHTML = '';
    };
  }, [schema, readOnly, language, workflow.timeZone, workflow.dossierId, workflow.referentId, workflow.taskId, workflow.userId, queryClient]); // eslint-disable-line react-hooks/exhaustive-deps

  return <div ref={element} className="task-formio" role="group" aria-label={props.label} />;
});
