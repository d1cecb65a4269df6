// Connect → /connections: the cards, the 2-step wizard (create and edit), delete and test.
import {
  ENVIRONMENTS, api, el, renderHeader, toast, confirmDialog, showProblem, clearProblems, fieldInput, fieldValue,
  debounce, session, processIds,
} from '/ui/app.js';
import { loadVerticals, verticalFilter, groupedByVertical } from '/ui/verticals.js';
import { availabilityNote, downloadTemplatesLink } from '/ui/modeler.js';
import { fetchPage, pager, initialSearch, MAX_PAGE_SIZE } from '/ui/paging.js';

const STATUS_LABELS = {
  CONFIGURED: 'Configured', INCOMPLETE: 'Incomplete', NOT_CONFIGURED: 'Not configured',
  NEEDS_AUTHORIZATION: 'Needs authorisation', NEEDS_REAUTHORIZATION: 'Needs re-authorisation',
  INTEGRATION_NOT_CONFIGURED: 'Integration not configured for this environment',
};
const main = document.getElementById('main');
let searchText = '';
let verticalText = '';
let currentPage = 0;
let cardsPager;

async function start() {
  await renderHeader('/connections');
  const verticals = await loadVerticals();
  searchText = initialSearch();
  const search = el('input', { type: 'search', id: 'connection-search', placeholder: 'Name, key or integration', value: searchText });
  search.addEventListener('input', debounce(() => { searchText = search.value; currentPage = 0; loadCards(); }));
  cardsPager = pager('connection-pager', 'connections', (page) => { currentPage = page; loadCards(); });
  main.replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, 'Connections'),
        el('p', {}, 'Credentials and configuration your workflow nodes use, stored per environment.')),
      el('div', { class: 'row-actions' }, downloadTemplatesLink(),
        el('button', { class: 'primary', id: 'new-connection', onclick: () => openWizard(null) }, '+ New Connection'))),
    el('div', { class: 'toolbar', role: 'search' },
      el('label', { for: 'connection-search', class: 'sr-only' }, 'Search connections'), search,
      verticalFilter('vertical-filter', verticals.inUse, (v) => { verticalText = v; currentPage = 0; loadCards(); })),
    el('div', { id: 'connection-cards', 'aria-live': 'polite' }),
    cardsPager.node);
  await loadCards();
  main.removeAttribute('aria-busy');
  await showConnectOutcome();
}

// ---- coming back from an OAuth2 "Connect" (the callback redirects here) -------------------------

// The callback sends only these codes on failure, never text, so a crafted link shows nothing new.
const CONNECT_FAILURES = {
  'state-unknown': 'This authorisation does not belong to a Connect in progress (unknown or already used). Start Connect again.',
  'state-expired': 'The authorisation took longer than 10 minutes and has expired. Start Connect again.',
  'state-other-user': 'This authorisation was started by another user. Start Connect yourself.',
  'state-missing': 'The authorization server sent no state back. Start Connect again.',
  denied: 'The authorization server did not authorise the connection (access was denied or refused).',
  'code-refused': 'The authorization server refused to exchange its code for tokens. Start Connect again.',
  'token-endpoint-unavailable': 'The authorization server\'s token endpoint could not be reached. Try again later.',
  'connection-gone': 'The connection no longer exists.',
  environment: 'This environment cannot be connected (its integration or credentials changed meanwhile).',
};

async function showConnectOutcome() {
  const params = new URLSearchParams(window.location.search);
  const connected = params.get('connected');
  const failure = params.get('connectError');
  if (!connected && !failure) return;
  window.history.replaceState(null, '', '/connections'); // a reload does not repeat the notice
  if (failure) {
    pageNotice('alert', `Connect failed: ${CONNECT_FAILURES[failure] ?? 'the authorisation did not complete. Start Connect again.'}`);
    return;
  }
  const envLabel = ENVIRONMENTS.find(([env]) => env === params.get('environment'))?.[1] ?? params.get('environment');
  try {
    const connection = await api('GET', `/api/connections/${encodeURIComponent(connected)}`);
    const authorization = connection.environments[params.get('environment')]?.oauth2;
    const who = authorization?.authorizedBy;
    const as = authorization?.account ? ` as ${authorization.account}` : '';
    // back where Connect was clicked: the wizard's credentials step, the notice on top of it
    await openWizard(connection.id, {
      credentials: true, notice: `Connected “${connection.name}” in ${envLabel}${as}${who ? `, authorised by ${who}` : ''}.`,
    });
  } catch (e) {
    pageNotice('alert', `Connect completed, but the connection could not be shown: ${e.message}`);
  }
}

function notice(role, text) {
  return el('p', { id: 'connect-notice', class: `alert page-notice${role === 'alert' ? ' alert-error' : ''}`, role, tabindex: '-1' }, text);
}

function pageNotice(role, text) {
  const node = notice(role, text);
  main.querySelector('.page-head').after(node);
  node.focus();
}

async function loadCards() {
  const list = document.getElementById('connection-cards');
  list.setAttribute('aria-busy', 'true');
  try {
    await renderCards(list);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

async function renderCards(list) {
  const result = await fetchPage('/api/connections', { search: searchText, vertical: verticalText }, currentPage);
  currentPage = result.page;
  cardsPager.update(result);
  const connections = result.items;
  if (connections.length === 0) {
    list.replaceChildren(el('p', { class: 'empty' }, searchText || verticalText ? 'No connection matches your search.' : 'No connections yet. Create one with New Connection.'));
    return;
  }
  list.replaceChildren(...groupedByVertical(connections, (c) => c.integration.domainVertical, card));
}

function card(c) {
  const status = c.credentialStatus;
  const statusClass = status.failing > 0 ? 'fail' : status.configured > 0 ? 'ok' : 'muted';
  return el('li', { class: 'card', 'data-testid': 'connection-card', 'data-key': c.key },
    el('h2', {}, c.name),
    el('p', { class: 'meta' }, `${c.integration.name} · ${c.integration.typeLabel}`),
    el('p', { class: 'meta' }, 'Key ', el('code', {}, c.key)),
    el('span', { class: `badge ${c.visibility === 'PERSONAL' ? 'personal' : 'org'}` }, c.visibility === 'PERSONAL' ? 'Personal' : 'Organization'),
    el('span', { class: `status badge ${statusClass}`, 'data-testid': 'credential-status' }, status.label),
    el('div', { class: 'actions' },
      el('button', { class: 'icon', 'aria-label': `Edit ${c.name}`, title: 'Edit', onclick: () => openWizard(c.id) }, '✎ Edit'),
      el('button', { class: 'icon', 'aria-label': `Delete ${c.name}`, title: 'Delete', onclick: () => deleteConnection(c) }, 'Delete')));
}

async function deleteConnection(c) {
  const confirmed = await confirmDialog({
    title: `Delete connection “${c.name}”?`,
    body: el('div', {},
      el('p', {}, 'Its credentials for every environment are deleted too.'),
      el('p', {}, 'Processes that use the key ', el('code', {}, c.key), ' will stop with an incident.')),
  });
  if (!confirmed) return;
  try {
    await api('DELETE', `/api/connections/${c.id}`);
    toast(`Connection “${c.name}” deleted`);
  } catch (e) {
    toast(e.message);
  }
  await loadCards();
}

// ---- the wizard ----------------------------------------------------------------------------

async function openWizard(connectionId, { credentials = false, notice: noticeText } = {}) {
  const existing = connectionId ? await api('GET', `/api/connections/${connectionId}`) : null;
  const dialog = el('dialog', { id: 'wizard', 'aria-labelledby': 'wizard-title' });
  dialog.addEventListener('close', () => { dialog.remove(); loadCards(); });
  document.body.append(dialog);
  dialog.showModal();
  if (existing && credentials) {
    await renderCredentials(dialog, existing, noticeText);
  } else if (existing) {
    renderSetup(dialog, existing);
  } else {
    renderSetup(dialog, null);
  }
}

function wizardFrame(dialog, step, title, body, footer) {
  dialog.replaceChildren(
    el('div', { class: 'dialog-head' },
      el('h2', { id: 'wizard-title' }, title),
      el('button', { class: 'icon', 'aria-label': 'Close', onclick: () => dialog.close() }, '✕')),
    el('div', { class: 'dialog-body' },
      el('ol', { class: 'steps', 'aria-label': 'Steps' },
        el('li', { 'aria-current': step === 1 ? 'step' : null }, '1. Setup'),
        el('li', { 'aria-current': step === 2 ? 'step' : null }, '2. Configure credentials')),
      body),
    el('div', { class: 'dialog-foot' }, footer));
}

/** Step 1: integration (fixed when editing), name (auto-filled until edited), visibility and allowed processes. */
async function renderSetup(dialog, existing) {
  const me = await session();
  const form = el('form', { id: 'setup-form', novalidate: true });
  const nameInput = el('input', { id: 'connection-name', name: 'name', 'data-field': 'name', required: true, value: existing?.name ?? '' });
  let nameEdited = !!existing;
  nameInput.addEventListener('input', () => { nameEdited = true; });
  let selected = existing?.integration ?? null;

  const integrationSection = el('div', {});
  if (existing) {
    integrationSection.append(el('p', {}, el('strong', {}, 'Integration: '), `${existing.integration.name} · ${existing.integration.typeLabel}`));
  } else {
    // the picker filters as the user types: it takes the largest page the server answers
    const all = (await fetchPage('/api/integrations', {}, 0, MAX_PAGE_SIZE)).items.filter((i) => i.status === 'ACTIVE');
    const search = el('input', { type: 'search', id: 'integration-search', placeholder: 'Search integrations' });
    const options = el('div', { class: 'choices integration-list', 'data-field': 'integrationId', tabindex: '-1' });
    const renderOptions = () => {
      const text = search.value.trim().toLowerCase();
      const shown = all.filter((i) => !text || [i.name, i.typeLabel, i.domainVertical ?? ''].some((t) => t.toLowerCase().includes(text)));
      options.replaceChildren(...(shown.length ? shown.map((i) => {
        const radio = el('input', { type: 'radio', name: 'integration', value: i.id, checked: selected?.id === i.id });
        radio.addEventListener('change', () => {
          selected = i;
          if (!nameEdited) nameInput.value = i.name;
        });
        return el('label', { class: 'choice' }, radio, el('span', {}, el('strong', {}, i.name), el('small', {}, [i.typeLabel, i.domainVertical].filter(Boolean).join(' · '))));
      }) : [el('p', { class: 'hint' }, 'No active integration matches.')]));
    };
    search.addEventListener('input', renderOptions);
    renderOptions();
    integrationSection.append(
      el('fieldset', {},
        el('legend', {}, 'Integration *'),
        el('div', { class: 'field' }, el('label', { for: 'integration-search', class: 'sr-only' }, 'Search integrations'), search),
        el('div', { class: 'field' }, options)));
  }

  const visibility = existing?.visibility ?? 'ORGANIZATION';
  const visibilityChoice = (value, title, text) =>
    el('label', { class: 'choice' },
      el('input', { type: 'radio', name: 'visibility', value, checked: visibility === value }),
      el('span', {}, el('strong', {}, title), el('small', {}, text)));
  form.append(
    integrationSection,
    el('div', { class: 'field' }, el('label', { for: 'connection-name' }, 'Connection Name *'), nameInput,
      el('div', { class: 'hint' }, 'Filled in from the integration; change it as you like, e.g. “Sales Team Gmail”.')),
    el('fieldset', { 'data-field': 'visibility' },
      el('legend', {}, 'Connection Visibility'),
      el('div', { class: 'choices' },
        visibilityChoice('ORGANIZATION', 'Organization', 'All team members can use it in their workflows'),
        visibilityChoice('PERSONAL', 'Personal', 'Only you can see and use it'))),
    el('div', { class: 'field' },
      el('label', { for: 'allowed-processes' }, 'Allowed processes'),
      el('textarea', { id: 'allowed-processes', name: 'allowedProcesses', 'data-field': 'allowedProcesses', rows: '2',
        spellcheck: 'false', 'aria-describedby': 'allowed-processes-hint', value: (existing?.allowedProcesses ?? []).join('\n') }),
      el('div', { class: 'hint', id: 'allowed-processes-hint' },
        'BPMN process ids that may use this connection at runtime, one per line or comma-separated. ',
        'Empty: every process of the organization for an Organization connection, no process for a Personal one.')),
    me.admin
      ? el('label', { class: 'choice' },
        el('input', { type: 'checkbox', id: 'allowed-in-production', 'data-field': 'allowedInProduction', checked: !!existing?.allowedInProduction }),
        el('span', {}, el('strong', {}, 'Allowed in Production'), el('small', {}, 'Administrators only: a Personal connection resolves in a PRODUCTION runtime only when this is set')))
      : '',
    el('p', { class: 'form-error', role: 'alert' }));

  const submit = el('button', { class: 'primary', type: 'submit', form: 'setup-form' }, existing ? 'Save and continue' : 'Create Connection');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const chosenVisibility = form.querySelector('input[name=visibility]:checked').value;
    if (!selected) {
      showProblem(form, { message: 'Select an integration.' });
      return;
    }
    submit.disabled = true;
    const scope = { allowedProcesses: processIds(form.querySelector('#allowed-processes').value) };
    const production = form.querySelector('#allowed-in-production');
    if (production) scope.allowedInProduction = production.checked;
    try {
      const saved = existing
        ? await api('PUT', `/api/connections/${existing.id}`, { name: nameInput.value, visibility: chosenVisibility, version: existing.version, ...scope })
        : await api('POST', '/api/connections', { integrationId: selected.id, name: nameInput.value, visibility: chosenVisibility, ...scope });
      await renderCredentials(dialog, saved);
    } catch (e) {
      showProblem(form, e);
      submit.disabled = false;
    }
  });
  wizardFrame(dialog, 1, existing ? `Edit connection “${existing.name}”` : 'New Connection', form,
    [el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), submit]);
  (existing ? nameInput : dialog.querySelector('#integration-search')).focus();
}

/** Step 2: one row per environment with the integration's credential fields, saved per row. */
async function renderCredentials(dialog, connection, noticeText) {
  const schema = await api('GET', `/api/integrations/${connection.integration.id}/fields`);
  const grid = el('div', { class: 'env-grid' });
  const state = { connection };
  for (const [env, label] of ENVIRONMENTS) {
    grid.append(environmentRow(state, schema.connectionFields, env, label));
  }
  const done = el('button', { class: 'primary', onclick: () => dialog.close() }, 'Done');
  const connectNotice = noticeText ? notice('status', noticeText) : null;
  wizardFrame(dialog, 2, `Credentials of “${connection.name}”`,
    el('div', {},
      connectNotice,
      el('p', {}, 'Fill in the environments you need now and come back for the others later. Fields may reference an organization secret as ',
        el('code', {}, '@@SECRET:KEY@@'), '.'),
      grid,
      availabilityNote(connection.id)),
    [done]);
  if (connectNotice) connectNotice.focus();
  else grid.querySelector('input, select, textarea')?.focus();
}

function environmentRow(state, fields, env, label) {
  const stored = () => state.connection.environments[env];
  const form = el('form', { class: 'env-row', 'data-env': env, 'aria-labelledby': `env-${env}-title`, novalidate: true });
  const statusBadge = el('span', { class: 'badge', 'data-testid': 'env-status' });
  const testResult = el('span', { 'data-testid': 'test-result', role: 'status' });
  const oauth2Box = el('div', { class: 'oauth2', 'data-testid': 'oauth2' });
  const renderStatus = () => {
    const s = stored().status;
    statusBadge.className = `badge ${s === 'CONFIGURED' ? 'ok' : ['INCOMPLETE', 'NEEDS_REAUTHORIZATION', 'INTEGRATION_NOT_CONFIGURED'].includes(s) ? 'fail' : 'muted'}`;
    statusBadge.textContent = STATUS_LABELS[s] ?? s;
    renderOAuth2();
    const last = stored().lastTest;
    testResult.textContent = last ? `${last.ok ? '✔ Test passed' : '✘ Test failed'}: ${last.message}` : '';
    testResult.className = last ? (last.ok ? 'badge ok' : 'badge fail') : '';
  };
  const renderFields = () => {
    const values = stored().fields || {};
    fieldsBox.replaceChildren(...fields.map((f) => fieldInput(f, f.secret ? undefined : values[f.name],
      { secretSet: f.secret && values[f.name]?.set === true, idPrefix: `${env.toLowerCase()}` })));
  };
  const fieldsBox = el('div', { class: 'fields' });
  const save = el('button', { class: 'primary', type: 'submit' }, 'Save Credentials');
  // Every integration type has a tester on the server; were one missing, its 400 problem is shown.
  const test = el('button', { type: 'button', onclick: () => runTest() }, 'Test connection');
  form.append(
    el('h3', { id: `env-${env}-title` }, label, statusBadge),
    fieldsBox,
    oauth2Box,
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'row-actions' }, save, test, testResult));
  renderFields();
  renderStatus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const values = {};
    for (const f of fields) {
      const value = fieldValue(f, form);
      // a blank secret is left out: the stored one stays; an emptied setting is sent as null: cleared
      if (value !== undefined) values[f.name] = value;
      else if (!f.secret && form.querySelector(`[data-field="${CSS.escape(f.name)}"]`)) values[f.name] = null;
    }
    save.disabled = true;
    try {
      state.connection = await api('PUT', `/api/connections/${state.connection.id}/environments/${env}`, { fields: values });
      renderFields();
      renderStatus();
      toast(`${label} credentials saved`);
    } catch (e) {
      showProblem(form, e, 'fields.');
    } finally {
      save.disabled = false;
    }
  });

  // OAuth2 authorization code: the server marks such environments (once their client ID and secret
  // are saved) NEEDS_AUTHORIZATION until someone connects, then shows who did; never a token.
  function renderOAuth2() {
    const environment = stored();
    const authorization = environment.oauth2;
    const needsIt = environment.status === 'NEEDS_AUTHORIZATION' || environment.status === 'NEEDS_REAUTHORIZATION';
    if (!authorization && !needsIt) {
      oauth2Box.replaceChildren();
      return;
    }
    let text;
    if (authorization?.reauthorizationReason) {
      text = el('span', { class: 'fail', 'data-testid': 'oauth2-state' }, `Needs re-authorisation: ${authorization.reauthorizationReason}`);
    } else if (authorization) {
      text = el('span', { 'data-testid': 'oauth2-state' },
        authorization.account ? `Connected as ${authorization.account}. ` : '',
        `Authorised by ${authorization.authorizedBy} on ${new Date(authorization.authorizedAt).toLocaleString()}`);
    } else {
      text = el('span', { 'data-testid': 'oauth2-state' }, 'Needs authorisation: sign in at the provider with Connect.');
    }
    const verb = authorization ? 'Reconnect' : 'Connect';
    const button = el('button', { type: 'button', 'data-testid': 'oauth2-connect', 'aria-label': `${verb} ${label}`, onclick: () => connect(button) }, verb);
    oauth2Box.replaceChildren(button, text);
  }

  async function connect(button) {
    clearProblems(form);
    button.disabled = true;
    try {
      const start = await api('POST', `/api/connections/${state.connection.id}/environments/${env}/oauth2/authorize`);
      window.location.assign(start.authorizationUrl); // the callback brings the browser back to /connections
    } catch (e) {
      showProblem(form, e, 'fields.');
      button.disabled = false;
    }
  }

  async function runTest() {
    clearProblems(form);
    test.disabled = true;
    testResult.className = '';
    testResult.textContent = 'Testing…';
    try {
      const outcome = await api('POST', `/api/connections/${state.connection.id}/environments/${env}/test`);
      state.connection = await api('GET', `/api/connections/${state.connection.id}`);
      renderStatus();
      if (!stored().lastTest) { // answered but not kept (credentials changed meanwhile)
        testResult.textContent = `${outcome.ok ? '✔ Test passed' : '✘ Test failed'}: ${outcome.message}`;
      }
    } catch (e) {
      testResult.textContent = '';
      showProblem(form, e, 'fields.');
    } finally {
      test.disabled = false;
    }
  }
  return form;
}

start().catch((e) => {
  main.removeAttribute('aria-busy');
  main.replaceChildren(el('p', { class: 'alert alert-error', role: 'alert' }, `The page could not load: ${e.message}`));
});
