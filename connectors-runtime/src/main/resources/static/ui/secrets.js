// Administration → Security → Secrets (/admin/security/secrets): create, rotate and delete
// organization secrets. Values are write-only: the page never receives one, it only sends them.
import { api, el, renderHeader, toast, confirmDialog, showProblem, clearProblems, processIds } from '/ui/app.js';

const main = document.getElementById('main');

async function start() {
  await renderHeader('/admin/security/secrets');
  const form = el('form', { id: 'secret-form', class: 'card', novalidate: true, 'aria-labelledby': 'create-title' },
    el('h2', { id: 'create-title' }, 'Create secret'),
    el('div', { class: 'two-columns' }, el('div', { class: 'field' },
      el('label', { for: 'secret-key' }, 'Key *'),
      el('input', { id: 'secret-key', name: 'key', 'data-field': 'key', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'secret-key-hint' }),
      el('div', { class: 'hint', id: 'secret-key-hint' }, 'Letters, digits, “_”, “.” or “-”, e.g. ORDERS_API_KEY.')),
    el('div', { class: 'field' },
      el('label', { for: 'secret-value' }, 'Value *'),
      el('input', { id: 'secret-value', name: 'value', 'data-field': 'value', type: 'password', required: true, autocomplete: 'new-password', 'aria-describedby': 'secret-value-hint' }),
      el('div', { class: 'hint', id: 'secret-value-hint' }, 'Stored encrypted; it cannot be shown again after saving.'))),
    processesField('secret-processes', []),
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', {}, el('button', { class: 'primary', type: 'submit' }, 'Create Secret')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const key = form.querySelector('#secret-key').value.trim();
    const value = form.querySelector('#secret-value');
    if (!key) {
      showProblem(form, { message: 'Key is required' });
      return;
    }
    if (keys.has(key)) {
      showProblem(form, { message: `A secret “${key}” exists already; use Rotate to replace its value.` });
      return;
    }
    try {
      await api('PUT', `/api/secrets/${encodeURIComponent(key)}`,
        { value: value.value, allowedProcesses: processIds(form.querySelector('#secret-processes').value) });
      form.reset();
      toast(`Secret ${key} created`);
      await loadTable();
    } catch (e) {
      showProblem(form, e);
    }
  });

  main.replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, 'Secrets'),
        el('p', {}, 'Organization secrets. Reference one from any connection credential field as ',
          el('code', {}, '@@SECRET:YOUR_KEY@@'), '; values are never shown after saving.'))),
    form,
    el('h2', {}, 'Stored secrets'),
    el('div', { id: 'secret-table', 'aria-live': 'polite' }));
  await loadTable();
  main.removeAttribute('aria-busy');
}

let keys = new Set();

async function loadTable() {
  const box = document.getElementById('secret-table');
  box.setAttribute('aria-busy', 'true');
  try {
    const [secrets, usage] = await Promise.all([api('GET', '/api/secrets'), api('GET', '/api/secrets/usage')]);
    keys = new Set(secrets.map((s) => s.key));
    const usageByKey = Object.fromEntries(usage.map((u) => [u.key, u]));
    if (secrets.length === 0) {
      box.replaceChildren(el('p', { class: 'empty' }, 'No secrets yet.'));
      return;
    }
    box.replaceChildren(el('table', {},
      el('caption', { class: 'sr-only' }, 'Organization secrets with the connections that use them'),
      el('thead', {}, el('tr', {}, ['Key', 'Reference', 'Allowed processes', 'Last changed', 'Used by', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, secrets.map((s) => row(s, usageByKey[s.key])))));
  } finally {
    box.removeAttribute('aria-busy');
  }
}

function usageText(usage) {
  if (!usage) return [];
  return usage.connections.map((c) => `${c.name} (${c.environments.map(label).join(', ')})`)
    .concat(usage.hiddenPersonalConnections ? [`${usage.hiddenPersonalConnections} personal connection(s) of other users`] : []);
}

function label(env) {
  return { DEVELOPMENT: 'Development', QA: 'QA', STAGING: 'Staging', PRODUCTION: 'Production' }[env] ?? env;
}

function row(secret, usage) {
  const users = usageText(usage);
  return el('tr', { 'data-key': secret.key },
    el('th', { scope: 'row' }, secret.key),
    el('td', {}, el('code', {}, `@@SECRET:${secret.key}@@`)),
    el('td', { 'data-testid': 'allowed-processes' }, secret.allowedProcesses.length ? secret.allowedProcesses.join(', ') : 'Every process'),
    el('td', {}, `${new Date(secret.updatedAt).toLocaleString()} by ${secret.updatedBy}`),
    el('td', { 'data-testid': 'usage' }, users.length ? el('ul', {}, users.map((u) => el('li', {}, u))) : 'Not used'),
    el('td', {},
      el('button', { class: 'icon', 'aria-label': `Rotate ${secret.key}`, onclick: () => rotate(secret) }, 'Rotate'), ' ',
      el('button', { class: 'icon', 'aria-label': `Processes of ${secret.key}`, onclick: () => rescope(secret) }, 'Processes'), ' ',
      el('button', { class: 'icon', 'aria-label': `Delete ${secret.key}`, onclick: () => remove(secret, users) }, 'Delete')));
}

function rotate(secret) {
  const form = el('form', { id: 'rotate-form', novalidate: true },
    el('p', {}, 'Connections referencing it use the new value from their next job (within the resolution cache time).'),
    el('div', { class: 'field' },
      el('label', { for: 'rotate-value' }, 'New value *'),
      el('input', { id: 'rotate-value', type: 'password', 'data-field': 'value', autocomplete: 'new-password', required: true })),
    el('p', { class: 'form-error', role: 'alert' }));
  const dialog = el('dialog', { class: 'small', id: 'rotate-dialog', 'aria-labelledby': 'rotate-title' },
    el('div', { class: 'dialog-head' }, el('h2', { id: 'rotate-title' }, `Rotate ${secret.key}`)),
    el('div', { class: 'dialog-body' }, form),
    el('div', { class: 'dialog-foot' },
      el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      el('button', { class: 'primary', type: 'submit', form: 'rotate-form' }, 'Save new value')));
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    try {
      await api('PUT', `/api/secrets/${encodeURIComponent(secret.key)}`, { value: form.querySelector('#rotate-value').value });
      dialog.close();
      toast(`Secret ${secret.key} rotated`);
      await loadTable();
    } catch (e) {
      showProblem(form, e);
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  form.querySelector('#rotate-value').focus();
}

function processesField(id, processes) {
  return el('div', { class: 'field' },
    el('label', { for: id }, 'Allowed processes'),
    el('textarea', { id, 'data-field': 'allowedProcesses', rows: '2', spellcheck: 'false', 'aria-describedby': `${id}-hint`, value: processes.join('\n') }),
    el('div', { class: 'hint', id: `${id}-hint` }, 'BPMN process ids that may use it at runtime, one per line or comma-separated; empty: every process.'));
}

/** Changes only the allowed processes; the value stays as it is. */
function rescope(secret) {
  const form = el('form', { id: 'scope-form', novalidate: true },
    processesField('scope-processes', secret.allowedProcesses),
    el('p', { class: 'form-error', role: 'alert' }));
  const dialog = el('dialog', { class: 'small', id: 'scope-dialog', 'aria-labelledby': 'scope-title' },
    el('div', { class: 'dialog-head' }, el('h2', { id: 'scope-title' }, `Processes allowed to use ${secret.key}`)),
    el('div', { class: 'dialog-body' }, form),
    el('div', { class: 'dialog-foot' },
      el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      el('button', { class: 'primary', type: 'submit', form: 'scope-form' }, 'Save')));
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    try {
      await api('PUT', `/api/secrets/${encodeURIComponent(secret.key)}`,
        { allowedProcesses: processIds(form.querySelector('#scope-processes').value) });
      dialog.close();
      toast(`Allowed processes of ${secret.key} saved`);
      await loadTable();
    } catch (e) {
      showProblem(form, e);
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  form.querySelector('#scope-processes').focus();
}

async function remove(secret, users) {
  const confirmed = await confirmDialog({
    title: `Delete secret ${secret.key}?`,
    body: users.length
      ? el('div', {},
        el('p', {}, 'These connections reference it; their jobs will fail with an incident until the reference is changed:'),
        el('ul', { 'data-testid': 'secret-users' }, users.map((u) => el('li', {}, u))))
      : el('p', {}, 'No connection references it.'),
  });
  if (!confirmed) return;
  try {
    await api('DELETE', `/api/secrets/${encodeURIComponent(secret.key)}`);
    toast(`Secret ${secret.key} deleted`);
  } catch (e) {
    toast(e.message);
  }
  await loadTable();
}

start().catch((e) => {
  main.removeAttribute('aria-busy');
  main.replaceChildren(el('p', { class: 'alert alert-error', role: 'alert' }, `The page could not load: ${e.message}`));
});
