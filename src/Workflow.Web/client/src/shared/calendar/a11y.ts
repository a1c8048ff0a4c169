// event-calendar marks its grid up as an ARIA table whose rows also hold the toolbar and the events
// layer, which axe-core rejects (aria-required-children, critical). The grid is a picture of the week
// (every screen that shows it also gives the same facts in words or inputs), so its table roles are
// taken away and the cells read as plain text; events keep their own roles (button when clickable).
const tableRoles = ['table', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell', 'gridcell', 'grid'];
const tableAttributes = ['aria-colindex', 'aria-rowindex', 'aria-colcount', 'aria-rowcount', 'aria-colspan', 'aria-rowspan'];
const selector = [...tableRoles.map((r) => `[role="${r}"]`), ...tableAttributes.map((a) => `[${a}]`)].join(',');

/** Strips the widget's table roles now and whenever it redraws; returns the function that stops. */
export function plainGrid(root: HTMLElement): () => void {
  const strip = () => root.querySelectorAll(selector).forEach((el) => {
    if (tableRoles.includes(el.getAttribute('role') ?? '')) el.removeAttribute('role');
    for (const name of tableAttributes) if (el.hasAttribute(name)) el.removeAttribute(name);
  });
  strip();
  const observer = new MutationObserver(strip);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', ...tableAttributes] });
  return () => observer.disconnect();
}
