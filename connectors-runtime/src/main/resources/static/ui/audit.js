// Administration → Audit log (/admin/audit): who changed, tested or read which connection, secret
// or integration, filterable and paged. Events name things and fields, never values; another
// user's personal connection shows as "personal connection" without its key.
import { api, el, renderHeader, showProblem, clearProblems, ENVIRONMENTS } from '/ui/app.js';

const ACTIONS = [
  'CONNECTION_CREATED', 'CONNECTION_UPDATED', 'CONNECTION_DELETED', 'CREDENTIALS_CHANGED', 'CREDENTIALS_DELETED',
  'CONNECTION_TESTED', 'CONNECTION_READ', 'CONNECTION_READ_REFUSED', 'SECRET_CREATED', 'SECRET_ROTATED', 'SECRET_UPDATED',
  'SECRET_DELETED', 'SECRET_READ_REFUSED',
  'INTEGRATION_CREATED', 'INTEGRATION_UPDATED', 'INTEGRATION_DELETED', 'INTEGRATION_REVISION_ACTIVATED',
  'INTEGRATION_REVISION_RESTORED',
];
const PAGE_SIZE = 25;
const main = document.getElementById('main');
let page = 0;

function field(id, label, input) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), input);
}

function select(id, name, options) {
  return el('select', { id, name, 'data-field': name },
    el('option', { value: '' }, 'Any'),
    options.map(([value, label]) => el('option', { value }, label)));
}

async function start() {
  await renderHeader('/admin/audit');
  const form = el('form', { id: 'audit-filters', class: 'card', novalidate: true, 'aria-labelledby': 'filters-title' },
    el('h2', { id: 'filters-title' }, 'Filters'),
    el('div', { class: 'two-columns' },
      field('filter-actor', 'Who', el('input', { id: 'filter-actor', name: 'actor', 'data-field': 'actor', autocomplete: 'off' })),
      field('filter-action', 'Action', select('filter-action', 'action', ACTIONS.map((a) => [a, label(a)]))),
      field('filter-connection', 'Connection key', el('input', { id: 'filter-connection', name: 'connection', 'data-field': 'connection', autocomplete: 'off', spellcheck: 'false' })),
      field('filter-environment', 'Environment', select('filter-environment', 'environment', ENVIRONMENTS)),
      field('filter-process', 'Process instance key', el('input', { id: 'filter-process', name: 'processInstanceKey', 'data-field': 'processInstanceKey', inputmode: 'numeric', autocomplete: 'off' })),
      field('filter-from', 'From (UTC, e.g. 2026-01-31T00:00:00Z)', el('input', { id: 'filter-from', name: 'from', 'data-field': 'from', autocomplete: 'off' })),
      field('filter-to', 'To (UTC, exclusive)', el('input', { id: 'filter-to', name: 'to', 'data-field': 'to', autocomplete: 'off' }))),
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', {}, el('button', { class: 'primary', type: 'submit' }, 'Apply filters')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    page = 0;
    await load(form);
  });
  main.replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, 'Audit log'),
        el('p', {}, 'Who created, changed, deleted or tested which connection, secret or integration, and which process instance read which connection. Values are never recorded.'))),
    form,
    el('div', { id: 'audit-table', 'aria-live': 'polite' }));
  await load(form);
  main.removeAttribute('aria-busy');
}

function query(form) {
  const params = new URLSearchParams();
  for (const input of form.querySelectorAll('[data-field]')) {
    if (input.value.trim()) params.set(input.name, input.value.trim());
  }
  params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  return params;
}

async function load(form) {
  const box = document.getElementById('audit-table');
  box.setAttribute('aria-busy', 'true');
  clearProblems(form);
  try {
    const result = await api('GET', `/api/audit?${query(form)}`);
    render(box, result, form);
  } catch (e) {
    showProblem(form, e);
    box.replaceChildren();
  } finally {
    box.removeAttribute('aria-busy');
  }
}

function render(box, result, form) {
  if (result.items.length === 0) {
    box.replaceChildren(el('p', { class: 'empty' }, page === 0 ? 'No events match these filters.' : 'No more events.'));
    return;
  }
  box.replaceChildren(
    el('table', {},
      el('caption', { class: 'sr-only' }, 'Audit events, newest first'),
      el('thead', {}, el('tr', {}, ['When (UTC)', 'Who', 'Action', 'Subject', 'Environment', 'Details', 'Process'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, result.items.map(row))),
    el('nav', { class: 'pager', 'aria-label': 'Audit pages' },
      el('button', { type: 'button', disabled: page === 0, onclick: async () => { page -= 1; await load(form); } }, 'Newer'),
      el('span', {}, `Page ${page + 1}`),
      el('button', { type: 'button', disabled: !result.hasMore, onclick: async () => { page += 1; await load(form); } }, 'Older')));
}

function row(event) {
  return el('tr', { 'data-testid': 'audit-row' },
    el('td', {}, el('time', { datetime: event.occurredAt }, event.occurredAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))),
    el('td', {}, event.actor),
    el('td', {}, label(event.action)),
    el('td', {}, subject(event)),
    el('td', {}, event.environment ?? ''),
    el('td', {}, details(event)),
    el('td', {}, process(event)));
}

function subject(event) {
  const kind = event.subjectType.toLowerCase();
  if (event.personal && !event.subjectKey) return `personal ${kind} of another user`;
  return `${kind} ${event.subjectKey ?? ''}`.trim();
}

function details(event) {
  const parts = [];
  if (event.changedFields.length) parts.push(`fields: ${event.changedFields.join(', ')}`);
  if (event.outcome) parts.push(`outcome: ${event.outcome}`);
  if (event.worker) parts.push(`by ${event.worker}`);
  return parts.join('; ');
}

function process(event) {
  if (event.processInstanceKey === null || event.processInstanceKey === undefined) return '';
  return `${event.bpmnProcessId ?? ''} #${event.processInstanceKey}${event.elementId ? ` (${event.elementId})` : ''}`;
}

function label(action) {
  const text = action.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.substring(1);
}

start();
