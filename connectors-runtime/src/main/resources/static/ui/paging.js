// Lists that page on the server (GET /api/connections, /api/integrations): one page at a time,
// with the filters as query parameters; X-Total-Count says how many match on all pages. The pager
// shows "x–y of N" and Previous/Next buttons.
import { ApiError, el } from '/ui/app.js';

export const PAGE_SIZE = 100;
/** The largest page the server answers: for pickers that need the whole list. */
export const MAX_PAGE_SIZE = 500;

/**
 * GETs page {@code page} of {@code path} with {@code filters} (empty ones left out). Answers
 * { items, total, page, size }; a page beyond the last one (the list shrank) answers the last page.
 */
export async function fetchPage(path, filters, page = 0, size = PAGE_SIZE) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  params.set('page', page);
  params.set('size', size);
  const response = await fetch(`${path}?${params}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, { detail: 'signed out' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  const total = Number(response.headers.get('X-Total-Count') ?? json.length);
  if (json.length === 0 && page > 0 && total > 0) {
    return fetchPage(path, filters, Math.ceil(total / size) - 1, size);
  }
  return { items: json, total, page, size };
}

/**
 * The pager below a list: "x–y of N", Previous and Next ({@code onPage(page)} loads one). Call
 * {@code update(result)} with what {@link fetchPage} answered.
 */
export function pager(id, noun, onPage) {
  const status = el('span', { class: 'pager-status', id: `${id}-status`, 'aria-live': 'polite' });
  const previous = el('button', { type: 'button', id: `${id}-previous`, 'aria-describedby': `${id}-status` }, '← Previous');
  const next = el('button', { type: 'button', id: `${id}-next`, 'aria-describedby': `${id}-status` }, 'Next →');
  let current = { page: 0 };
  previous.addEventListener('click', () => onPage(current.page - 1));
  next.addEventListener('click', () => onPage(current.page + 1));
  const node = el('nav', { class: 'pager', id, 'aria-label': `Pages of ${noun}` }, previous, status, next);
  function update(result) {
    current = result;
    const first = result.total === 0 ? 0 : result.page * result.size + 1;
    const last = result.page * result.size + result.items.length;
    status.textContent = `${first}–${last} of ${result.total}`;
    previous.disabled = result.page === 0;
    next.disabled = last >= result.total;
  }
  return { node, update };
}

/** The search text a link to the page carries (?search=...), so a link can open a filtered list. */
export function initialSearch() {
  return new URLSearchParams(window.location.search).get('search') ?? '';
}
