// Domain verticals (AI, Database, CRM, ...) on the integrations and connections pages: a filter of
// the verticals in use, and cards grouped under one heading per vertical, those without one last
// under "Other". The server filters (?vertical=); this module only renders.
import { api, el } from '/ui/app.js';

export const OTHER = 'Other';

/** { suggested: the product's vocabulary, inUse: the verticals the caller's integrations carry } */
export function loadVerticals() {
  return api('GET', '/api/integrations/verticals');
}

/** A labelled select of the verticals in use; onChange gets the chosen one, '' for all. */
export function verticalFilter(id, inUse, onChange) {
  const select = el('select', { id, class: 'vertical-filter' },
    el('option', { value: '' }, 'All verticals'),
    ...inUse.map((v) => el('option', { value: v }, v)));
  select.addEventListener('change', () => onChange(select.value));
  return [el('label', { for: id, class: 'sr-only' }, 'Domain vertical'), select];
}

/** The vertical suggestions of an integration form's datalist: the vocabulary, then admins' own. */
export function verticalOptions(verticals) {
  return [...new Set([...verticals.suggested, ...verticals.inUse])].map((v) => el('option', { value: v }));
}

/**
 * One section per vertical (sorted by name, "Other" last), each with its heading and a grid of
 * the cards {@code card} renders. {@code verticalOf} reads an item's vertical.
 */
export function groupedByVertical(items, verticalOf, card) {
  const groups = new Map();
  for (const item of items) {
    const vertical = verticalOf(item)?.trim() || OTHER;
    const key = [...groups.keys()].find((k) => k.toLowerCase() === vertical.toLowerCase()) ?? vertical;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  const names = [...groups.keys()].sort((a, b) => (a === OTHER) - (b === OTHER) || a.localeCompare(b));
  return names.map((name, index) => {
    const headingId = `vertical-heading-${index}`;
    return el('section', { class: 'vertical-group', 'data-testid': 'vertical-group', 'data-vertical': name, 'aria-labelledby': headingId },
      el('h2', { class: 'vertical-heading', id: headingId }, name, el('span', { class: 'count' }, ` (${groups.get(name).length})`)),
      el('ul', { class: 'grid' }, groups.get(name).map(card)));
  });
}
