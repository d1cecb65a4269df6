// Shared by every page: API calls with the session cookie and CSRF header, safe DOM building
// (text nodes only, never innerHTML with data), the top navigation, dialogs and form errors.

export const ENVIRONMENTS = [
  ['DEVELOPMENT', 'Development'], ['QA', 'QA'], ['STAGING', 'Staging'], ['PRODUCTION', 'Production'],
];

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `request failed (HTTP ${status})`);
    this.status = status;
    this.problem = problem || {};
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** Calls the management API; answers the parsed JSON (or null) or throws ApiError with the problem. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  // a Blob (an uploaded file) goes as it is, with its own content type; anything else as JSON
  const raw = body instanceof Blob;
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', body: body === undefined || raw ? body : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, { detail: 'signed out' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** el('button', {class: 'primary', onclick: f}, 'Save') — attributes, properties and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'value' || name === 'checked') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let sessionPromise;
/** BPMN process ids typed one per line or comma-separated (allowed processes of connections and secrets). */
export function processIds(text) {
  return text.split(/[\s,]+/).map((p) => p.trim()).filter((p) => p);
}

export function session() {
  sessionPromise ??= api('GET', '/api/me');
  return sessionPromise;
}

/** Fills the page header: menus the user's roles allow, the user name and Sign out. */
export async function renderHeader(current) {
  const me = await session();
  const link = (href, label) => el('a', { href, 'aria-current': href === current ? 'page' : null }, label);
  const header = document.querySelector('header.top');
  header.replaceChildren(
    el('a', { class: 'brand', href: '/connections' }, 'Flow Connections'),
    el('nav', { 'aria-label': 'Main' },
      el('ul', {},
        el('li', {}, link('/connections', 'Connect')),
        me.admin ? el('li', { class: 'menu' }, ...administrationMenu(link, current)) : null)),
    el('div', { class: 'who' },
      el('span', { 'data-testid': 'user' }, `${me.username}${me.admin ? ' (admin)' : ''}`),
      el('form', { method: 'post', action: '/logout' },
        el('input', { type: 'hidden', name: '_csrf', value: csrfToken() }),
        el('button', { type: 'submit' }, 'Sign out'))));
  return me;
}

/**
 * "Administration" as a disclosure menu (a button with aria-expanded controlling a list of links):
 * Enter or Space toggles it, arrow keys, Home and End move between its links, Escape closes it and
 * returns to the button; it closes when focus or a click goes elsewhere.
 */
function administrationMenu(link, current) {
  const list = el('ul', { id: 'admin-menu', class: 'menu-list', hidden: true },
    el('li', {}, link('/admin/integrations', 'Integrations')),
    el('li', { class: 'menu-group' },
      el('span', { id: 'admin-menu-security', class: 'menu-group-label' }, 'Security'),
      el('ul', { 'aria-labelledby': 'admin-menu-security' }, el('li', {}, link('/admin/security/secrets', 'Secrets')))),
    el('li', {}, link('/admin/audit', 'Audit log')),
    el('li', {}, link('/admin/templates', 'Element templates')));
  const button = el('button', {
    type: 'button', class: `menu-toggle${current?.startsWith('/admin/') ? ' current' : ''}`,
    'aria-expanded': 'false', 'aria-controls': 'admin-menu',
  }, 'Administration');
  const links = () => [...list.querySelectorAll('a')];
  const setOpen = (open) => {
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  };
  button.addEventListener('click', () => setOpen(list.hidden));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const all = links();
      all[event.key === 'ArrowDown' ? 0 : all.length - 1].focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      all[(moves[event.key] + all.length) % all.length].focus();
    } else if (event.key === 'Escape') {
      setOpen(false);
      button.focus();
    }
  });
  button.addEventListener('keydown', (event) => { if (event.key === 'Escape') setOpen(false); });
  const menu = [button, list];
  document.addEventListener('click', (event) => {
    if (!menu.some((part) => part.contains(event.target))) setOpen(false);
  });
  for (const part of menu) {
    part.addEventListener('focusout', (event) => {
      if (event.relatedTarget && !menu.some((p) => p.contains(event.relatedTarget))) setOpen(false);
    });
  }
  return menu;
}

export function toast(message) {
  const node = document.getElementById('toast');
  node.textContent = message;
  node.classList.add('show');
  clearTimeout(node.hideTimer);
  node.hideTimer = setTimeout(() => node.classList.remove('show'), 4000);
}

/** A confirmation in a native modal dialog (focus trapped, Escape cancels); resolves true on confirm. */
export function confirmDialog({ title, body, confirmLabel = 'Delete', danger = true }) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'small', 'aria-labelledby': 'confirm-title', 'data-testid': 'confirm-dialog' },
      el('form', { method: 'dialog' },
        el('div', { class: 'dialog-head' }, el('h2', { id: 'confirm-title' }, title)),
        el('div', { class: 'dialog-body' }, body),
        el('div', { class: 'dialog-foot' },
          el('button', { value: 'cancel', autofocus: true }, 'Cancel'),
          el('button', { value: 'confirm', class: danger ? 'danger' : 'primary' }, confirmLabel))));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'confirm');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Shows a problem+json answer next to the fields it names, or in the form's error line. */
export function showProblem(form, error, fieldPrefix = '', scope = form) {
  clearProblems(form);
  const problem = error instanceof ApiError ? error.problem : { detail: String(error?.message || error) };
  const errors = problem.errors?.length ? problem.errors : [{ field: problem.field, message: problem.detail }];
  let shown = false;
  for (const { field, message } of errors) {
    const name = field && fieldPrefix && field.startsWith(fieldPrefix) ? field.substring(fieldPrefix.length) : field;
    // an entry of a list field (allowedProcesses[2]) is shown at the list's input, numbered from 1
    const entry = name?.match(/^(.*)\[(\d+)\]$/);
    const exact = name ? scope.querySelector(`[data-field="${CSS.escape(name)}"]`) : null;
    const input = exact ?? (entry ? scope.querySelector(`[data-field="${CSS.escape(entry[1])}"]`) : null);
    if (input && !(entry && !exact && input.hasAttribute('aria-invalid'))) {
      input.setAttribute('aria-invalid', 'true');
      const text = entry && !exact ? `${labelOf(input)}, entry ${Number(entry[2]) + 1}: ${message}` : `${labelOf(input)} ${message}`;
      const note = el('div', { class: 'error', id: `${input.id}-error` }, text);
      input.setAttribute('aria-describedby', note.id);
      input.closest('.field')?.append(note);
      if (!shown) input.focus();
      shown = true;
    }
  }
  if (!shown) {
    const line = form.querySelector('.form-error');
    if (line) line.textContent = problem.detail || 'The request failed.';
  }
}

function labelOf(input) {
  return input.labels?.[0]?.textContent?.replace(/\s*\*$/, '') || input.name;
}

export function clearProblems(form) {
  form.querySelectorAll('.field .error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => { n.removeAttribute('aria-invalid'); n.removeAttribute('aria-describedby'); });
  const line = form.querySelector('.form-error');
  if (line) line.textContent = '';
}

let idCounter = 0;
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * One input for a field of the API's field schema. Secret fields are password inputs that never
 * hold a stored value: when one is set, the placeholder says so and blank means "keep".
 */
export function fieldInput(field, value, { secretSet = false, idPrefix = 'f' } = {}) {
  const id = uid(`${idPrefix}-${field.name}`);
  const common = { id, name: field.name, 'data-field': field.name, 'aria-required': field.required ? 'true' : null };
  let input;
  switch (field.type) {
    case 'ENUM':
      input = el('select', common,
        field.required ? null : el('option', { value: '' }, '—'),
        (field.options || []).map((o) => el('option', { value: o, selected: (value ?? field.defaultValue) === o }, o)));
      break;
    case 'BOOLEAN':
      input = el('input', { ...common, type: 'checkbox', checked: value === true || value === 'true' });
      break;
    case 'KEY_VALUE':
    case 'SECRET_KEY_VALUE':
      input = el('textarea', {
        ...common, rows: 3, autocomplete: 'off', spellcheck: 'false',
        placeholder: secretSet ? 'Stored. One "Name: value" per line to replace; leave blank to keep' : 'One "Name: value" per line',
        value: field.type === 'KEY_VALUE' && value && typeof value === 'object'
          ? Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('\n') : '',
      });
      break;
    case 'SECRET':
      input = el('input', {
        ...common, type: 'password', autocomplete: 'new-password',
        placeholder: secretSet ? '•••••••• stored — leave blank to keep' : '',
      });
      break;
    case 'NUMBER':
      input = el('input', { ...common, type: 'number', value: value ?? field.defaultValue ?? '' });
      break;
    default:
      input = el('input', { ...common, type: field.type === 'URL' ? 'url' : 'text', value: value ?? field.defaultValue ?? '' });
  }
  const hintId = field.description ? `${id}-hint` : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' },
    el('label', { for: id }, field.label, field.required ? ' *' : ''),
    input,
    field.description ? el('div', { class: 'hint', id: hintId }, field.description) : null);
}

/** The value an input holds for the API, or undefined when it should not be sent. */
export function fieldValue(field, container) {
  const input = container.querySelector(`[data-field="${CSS.escape(field.name)}"]`);
  if (!input) return undefined;
  if (field.type === 'BOOLEAN') return input.checked;
  const raw = input.value;
  if (raw.trim() === '') return undefined;
  if (field.type === 'NUMBER') return Number(raw);
  if (field.type === 'KEY_VALUE' || field.type === 'SECRET_KEY_VALUE') {
    const map = {};
    for (const line of raw.split('\n')) {
      const at = line.indexOf(':');
      if (line.trim() === '') continue;
      if (at < 1) { map[line.trim()] = ''; continue; }
      map[line.substring(0, at).trim()] = line.substring(at + 1).trim();
    }
    return map;
  }
  return raw;
}

export function debounce(fn, ms = 250) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
