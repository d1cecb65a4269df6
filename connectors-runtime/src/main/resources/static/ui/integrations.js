// Administration → Integrations (/admin/integrations): cards, search, scope tabs, the New/Edit
// Integration form, Manage Versions (lifecycle status; revisions in versions.js) and delete with the affected connections.
import {
  ENVIRONMENTS, api, el, renderHeader, toast, confirmDialog, showProblem, clearProblems, fieldInput, fieldValue,
  debounce,
} from '/ui/app.js';
import { revisionsSection } from '/ui/versions.js';
import { loadVerticals, verticalFilter, verticalOptions, groupedByVertical } from '/ui/verticals.js';
import { fetchPage, pager, initialSearch } from '/ui/paging.js';
import { hiddenBadge, hideButton } from '/ui/catalogue.js';
import { openApiImport } from '/ui/openapi.js';

const TYPE_DESCRIPTIONS = {
  REST_API: 'HTTP/HTTPS APIs with flexible auth',
  DATABASE: 'PostgreSQL, MySQL, SQL Server, Oracle, SQLite',
  EMAIL: 'SMTP, SendGrid',
  SMS: 'Twilio, AWS SNS',
  AI_PROVIDER: 'OpenAI, Anthropic (Claude), Google, Ollama, HuggingFace',
  MCP: 'Model Context Protocol (HTTP, SSE, WebSocket, STDIO)',
  STORAGE: 'Google Drive, OneDrive, Amazon S3, Box',
};
const AUTH_LABELS = {
  NONE: 'None', BEARER: 'Bearer', API_KEY: 'API Key', BASIC: 'Basic', OAUTH2: 'OAuth2', CUSTOM_HEADERS: 'Custom Headers',
};
const SCOPES = [['', 'All'], ['ORGANIZATION', 'Organization'], ['SYSTEM', 'System']];
const STATUS_LABELS = { DRAFT: 'Draft', ACTIVE: 'Active', DEPRECATED: 'Deprecated' };
// LifecycleStatus.allowedNext on the server: a published integration never goes back to Draft.
const NEXT_STATUSES = { DRAFT: ['DRAFT', 'ACTIVE'], ACTIVE: ['ACTIVE', 'DEPRECATED'], DEPRECATED: ['ACTIVE', 'DEPRECATED'] };

const main = document.getElementById('main');
const filter = { search: '', scope: '', vertical: '' };
let verticals;
let currentPage = 0;
let cardsPager;
let me;
let types;

async function start() {
  me = await renderHeader('/admin/integrations');
  types = await api('GET', '/api/integration-types');
  verticals = await loadVerticals();
  filter.search = initialSearch();
  const search = el('input', { type: 'search', id: 'integration-search', placeholder: 'Name or type', value: filter.search });
  search.addEventListener('input', debounce(() => { filter.search = search.value; currentPage = 0; loadCards(); }));
  cardsPager = pager('integration-pager', 'integrations', (page) => { currentPage = page; loadCards(); });
  // a filter, not tabs with panels: toggle buttons in a group say what they do
  const tabs = el('div', { class: 'tabs', role: 'group', 'aria-label': 'Scope' },
    SCOPES.map(([value, label]) => el('button', {
      id: `scope-${label.toLowerCase()}`, 'aria-pressed': String(value === filter.scope),
      onclick: (event) => {
        filter.scope = value;
        currentPage = 0;
        tabs.querySelectorAll('button').forEach((t) => t.setAttribute('aria-pressed', String(t === event.currentTarget)));
        loadCards();
      },
    }, label)));
  main.replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, 'Integrations'),
        el('p', {}, 'Blueprints users create connections from: type, authentication and non-secret configuration.')),
      el('button', { class: 'primary', id: 'new-integration', onclick: () => openForm(null) }, '+ New Integration')),
    el('div', { class: 'toolbar', role: 'search' },
      el('label', { for: 'integration-search', class: 'sr-only' }, 'Search integrations by name or type'), search,
      verticalFilter('vertical-filter', verticals.inUse, (v) => { filter.vertical = v; currentPage = 0; loadCards(); })),
    tabs,
    el('div', { id: 'integration-cards', 'aria-live': 'polite' }),
    cardsPager.node);
  await loadCards();
  main.removeAttribute('aria-busy');
}

async function loadCards() {
  const list = document.getElementById('integration-cards');
  list.setAttribute('aria-busy', 'true');
  try {
    const result = await fetchPage('/api/integrations', filter, currentPage);
    currentPage = result.page;
    cardsPager.update(result);
    const integrations = result.items;
    list.replaceChildren(...(integrations.length
      ? groupedByVertical(integrations, (i) => i.domainVertical, card)
      : [el('p', { class: 'empty' }, 'No integration matches.')]));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function card(i) {
  // System integrations are the super admins': only they edit or delete one (the server says so too)
  const mayChange = i.scope !== 'SYSTEM' || me.superAdmin;
  const onlySuperAdmins = mayChange ? null : 'Only super admins may change System integrations';
  return el('li', { class: 'card', 'data-testid': 'integration-card', 'data-name': i.name },
    el('h2', {}, i.name),
    el('p', { class: 'meta' }, `${i.typeLabel} · ${AUTH_LABELS[i.authScheme] ?? i.authScheme} auth`),
    el('div', {},
      el('span', { class: `badge ${i.scope === 'SYSTEM' ? 'system' : 'org'}` }, i.scope === 'SYSTEM' ? 'System' : 'Organization'), ' ',
      el('span', { class: `badge ${i.status === 'ACTIVE' ? 'ok' : 'muted'}`, 'data-testid': 'lifecycle' }, STATUS_LABELS[i.status]), ' ',
      hiddenBadge(i)),
    i.description ? el('p', {}, i.description) : null,
    el('div', { class: 'actions' },
      el('button', { class: 'icon', 'aria-label': `Edit ${i.name}`, disabled: !mayChange, title: onlySuperAdmins, onclick: () => openForm(i.id) }, '✎ Edit'),
      el('button', { class: 'icon', 'aria-label': `Manage versions of ${i.name}`, disabled: !mayChange, title: onlySuperAdmins, onclick: () => openVersions(i.id) }, '☰ Versions'),
      el('button', { class: 'icon', 'aria-label': `Delete ${i.name}`, disabled: !mayChange, title: onlySuperAdmins, onclick: () => deleteIntegration(i) }, 'Delete'),
      hideButton(i, me, loadCards)));
}

// ---- delete ----------------------------------------------------------------------------------

async function deleteIntegration(i) {
  const impact = await api('GET', `/api/integrations/${i.id}/impact`);
  const affected = impact.connections;
  const confirmed = await confirmDialog({
    title: `Delete integration “${i.name}”?`,
    body: affected.length
      ? el('div', {},
        el('p', {}, `${affected.length} connection${affected.length === 1 ? '' : 's'} will be deleted with it, credentials included; processes using them will stop with an incident:`),
        el('ul', { 'data-testid': 'affected-connections' }, affected.map((c) => el('li', {}, `${c.name} (`, el('code', {}, c.key), ')'))))
      : el('p', {}, 'No connection uses it.'),
    confirmLabel: affected.length ? `Delete with ${affected.length} connection${affected.length === 1 ? '' : 's'}` : 'Delete',
  });
  if (!confirmed) return;
  try {
    await api('DELETE', `/api/integrations/${i.id}${affected.length ? '?force=true' : ''}`);
    toast(`Integration “${i.name}” deleted`);
  } catch (e) {
    toast(e.message);
  }
  await loadCards();
}

// ---- versions (lifecycle) --------------------------------------------------------------------

async function openVersions(id) {
  const integration = await api('GET', `/api/integrations/${id}`);
  const form = el('form', { id: 'versions-form', novalidate: true },
    el('p', {}, `Revision ${integration.version}, last changed ${new Date(integration.updatedAt).toLocaleString()} by ${integration.updatedBy}.`),
    el('fieldset', { 'data-field': 'status' },
      el('legend', {}, 'Lifecycle status'),
      el('div', { class: 'choices' }, ['DRAFT', 'ACTIVE', 'DEPRECATED'].map((s) => el('label', { class: 'choice' },
        el('input', {
          type: 'radio', name: 'status', value: s, checked: integration.status === s,
          disabled: !NEXT_STATUSES[integration.status].includes(s),
        }),
        el('span', {}, el('strong', {}, STATUS_LABELS[s]), el('small', {}, {
          DRAFT: 'Being prepared; no connections yet',
          ACTIVE: 'Users can create connections',
          DEPRECATED: 'Existing connections keep working; no new ones',
        }[s])))))),
    el('p', { class: 'form-error', role: 'alert' }));
  const revisions = revisionsSection(integration, { onApplied: () => dialog.close() });
  const dialog = modal('versions', `Versions of “${integration.name}”`, [form, revisions], [
    el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
    el('button', { class: 'primary', type: 'submit', form: 'versions-form' }, 'Save status')]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = form.querySelector('input[name=status]:checked').value;
    try {
      await api('PUT', `/api/integrations/${id}`, { ...integration, status });
      toast(`“${integration.name}” is now ${STATUS_LABELS[status]}`);
      dialog.close();
    } catch (e) {
      showProblem(form, e);
    }
  });
}

function modal(id, title, body, footer) {
  const dialog = el('dialog', { id, 'aria-labelledby': `${id}-title` },
    el('div', { class: 'dialog-head' },
      el('h2', { id: `${id}-title` }, title),
      el('button', { class: 'icon', 'aria-label': 'Close', onclick: () => dialog.close() }, '✕')),
    el('div', { class: 'dialog-body' }, body),
    el('div', { class: 'dialog-foot' }, footer));
  dialog.addEventListener('close', () => { dialog.remove(); loadCards(); });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

// ---- the New / Edit Integration form ---------------------------------------------------------

async function openForm(id) {
  const existing = id ? await api('GET', `/api/integrations/${id}`) : null;
  const form = el('form', { id: 'integration-form', novalidate: true });
  const state = {
    type: existing?.type ?? null,
    authScheme: existing?.authScheme ?? null,
    configMode: existing?.configMode ?? 'SAME_FOR_ALL',
    values: existing ? initialValues(existing) : { ALL: {} },
    activeTab: 'DEVELOPMENT',
    fields: [],
  };

  const text = (name, label, value, attrs = {}) => el('div', { class: 'field' },
    el('label', { for: `integration-${name}` }, label),
    el('input', { id: `integration-${name}`, name, 'data-field': name, value: value ?? '', ...attrs }));

  const typeGrid = el('fieldset', { 'data-field': 'type' },
    el('legend', {}, existing ? 'Type (fixed after creation)' : 'Type *'),
    el('div', { class: 'choices' }, types.map((t) => {
      const radio = el('input', { type: 'radio', name: 'type', value: t.type, checked: state.type === t.type, disabled: !!existing });
      radio.addEventListener('change', async () => {
        state.type = t.type;
        if (!t.authSchemes.includes(state.authScheme)) state.authScheme = t.authSchemes[0];
        await renderTypeSections();
      });
      return el('label', { class: 'choice', 'data-type': t.type }, radio,
        el('span', {}, el('strong', {}, t.label), el('small', {}, TYPE_DESCRIPTIONS[t.type] ?? '')));
    })));
  const typeSections = el('div', {});

  form.append(
    el('fieldset', {},
      el('legend', {}, 'Basic Info'),
      text('name', 'Name *', existing?.name, { required: true }),
      el('div', { class: 'field' },
        el('label', { for: 'integration-description' }, 'Description'),
        el('textarea', { id: 'integration-description', name: 'description', 'data-field': 'description', rows: 2, value: existing?.description ?? '' })),
      text('domainVertical', 'Domain Vertical', existing?.domainVertical, { list: 'domain-verticals' }),
      el('datalist', { id: 'domain-verticals' }, verticalOptions(verticals)),
      me.superAdmin ? el('div', { class: 'field' },
        el('label', { for: 'integration-scope' }, 'Scope'),
        el('select', { id: 'integration-scope', name: 'scope', 'data-field': 'scope' },
          el('option', { value: 'ORGANIZATION', selected: existing?.scope !== 'SYSTEM' }, 'Organization'),
          el('option', { value: 'SYSTEM', selected: existing?.scope === 'SYSTEM' }, 'System'))) : null),
    typeGrid,
    typeSections,
    el('p', { class: 'form-error', role: 'alert' }));

  async function renderTypeSections() {
    captureValues();
    if (!state.type) {
      typeSections.replaceChildren(el('p', { class: 'hint' }, 'Select a type to see its authentication and configuration.'));
      return;
    }
    const type = types.find((t) => t.type === state.type);
    const schema = await api('GET', `/api/integration-types/${state.type}/fields?authScheme=${state.authScheme}`);
    state.fields = schema.integrationFields;
    const auth = el('select', { id: 'integration-authScheme', name: 'authScheme', 'data-field': 'authScheme' },
      type.authSchemes.map((a) => el('option', { value: a, selected: a === state.authScheme }, AUTH_LABELS[a] ?? a)));
    auth.addEventListener('change', async () => { state.authScheme = auth.value; await renderTypeSections(); });
    const modeChoice = (value, title, hint) => {
      const radio = el('input', { type: 'radio', name: 'configMode', value, checked: state.configMode === value });
      radio.addEventListener('change', async () => { captureValues(); state.configMode = value; convertValues(); await renderTypeSections(); });
      return el('label', { class: 'choice' }, radio, el('span', {}, el('strong', {}, title), el('small', {}, hint)));
    };
    const credentialNote = schema.connectionFields.length
      ? `Each connection supplies: ${schema.connectionFields.map((f) => f.label).join(', ')} (per environment, stored encrypted).`
      : 'Connections need no credentials.';
    typeSections.replaceChildren(
      state.type === 'REST_API' ? el('fieldset', {},
        el('legend', {}, 'API Specification'),
        text('openApiSpecUrl', 'OpenAPI spec URL (optional)', form.querySelector('#integration-openApiSpecUrl')?.value ?? existing?.openApiSpecUrl, { type: 'url' }),
        existing ? openApiImport(existing) : el('p', { class: 'hint' }, 'Save the integration, then import its OpenAPI document here.')) : null,
      el('fieldset', {},
        el('legend', {}, 'Authentication'),
        el('div', { class: 'field' }, el('label', { for: 'integration-authScheme' }, 'Auth type'), auth),
        el('p', { class: 'hint', 'data-testid': 'credential-note' }, credentialNote)),
      el('fieldset', { 'data-field': 'configMode' },
        el('legend', {}, 'Configuration Mode'),
        el('div', { class: 'choices' },
          modeChoice('SAME_FOR_ALL', 'Same for all', 'One configuration for every environment'),
          modeChoice('PER_ENVIRONMENT', 'Per environment', 'Development, QA, Staging and Production each their own')),
        configPanel()));
  }

  function configPanel() {
    if (state.fields.length === 0) return el('p', { class: 'hint' }, 'This type and auth need no configuration.');
    if (state.configMode === 'SAME_FOR_ALL') {
      return el('div', { class: 'config', 'data-env': 'ALL' }, state.fields.map((f) => fieldInput(f, state.values.ALL?.[f.name], { idPrefix: 'cfg-all' })));
    }
    const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Environment' });
    const panels = ENVIRONMENTS.map(([env, label]) => {
      const tab = el('button', {
        type: 'button', role: 'tab', id: `tab-${env}`, 'aria-controls': `panel-${env}`, 'aria-selected': String(env === state.activeTab),
        tabindex: env === state.activeTab ? '0' : '-1',
      }, label);
      tab.addEventListener('click', () => selectTab(env));
      tab.addEventListener('keydown', (event) => {
        const order = ENVIRONMENTS.map(([e]) => e);
        const at = order.indexOf(env);
        const next = event.key === 'ArrowRight' ? order[(at + 1) % 4] : event.key === 'ArrowLeft' ? order[(at + 3) % 4] : null;
        if (next) { selectTab(next); document.getElementById(`tab-${next}`).focus(); }
      });
      tabs.append(tab);
      const copySelect = el('select', { id: `copy-${env}` },
        ENVIRONMENTS.filter(([other]) => other !== env).map(([other, otherLabel]) => el('option', { value: other }, otherLabel)));
      return el('div', {
        role: 'tabpanel', id: `panel-${env}`, 'aria-labelledby': `tab-${env}`, class: 'config', 'data-env': env,
        hidden: env !== state.activeTab,
      },
      el('div', { class: 'row-actions field' },
        el('label', { for: `copy-${env}` }, 'Copy from…'), copySelect,
        el('button', { type: 'button', onclick: () => copyFrom(copySelect.value, env) }, 'Copy')),
      state.fields.map((f) => fieldInput(f, state.values[env]?.[f.name], { idPrefix: `cfg-${env.toLowerCase()}` })));
    });
    return el('div', {}, tabs, panels, el('p', { class: 'hint' }, 'Environments left empty are not configured; connections cannot be used there.'));
  }

  function selectTab(env) {
    state.activeTab = env;
    form.querySelectorAll('[role=tabpanel]').forEach((p) => { p.hidden = p.dataset.env !== env; });
    form.querySelectorAll('[role=tablist][aria-label=Environment] [role=tab]').forEach((t) => {
      const selected = t.id === `tab-${env}`;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
    });
  }

  function copyFrom(source, target) {
    captureValues();
    state.values[target] = { ...(state.values[source] ?? {}) };
    const panel = form.querySelector(`[role=tabpanel][data-env=${target}]`);
    panel.querySelectorAll('.field:has([data-field])').forEach((n) => n.remove());
    panel.append(...state.fields.map((f) => fieldInput(f, state.values[target][f.name], { idPrefix: `cfg-${target.toLowerCase()}` })));
    toast(`Copied ${label(source)} settings into ${label(target)}`);
  }

  function captureValues() {
    form.querySelectorAll('.config[data-env]').forEach((panel) => {
      const values = {};
      for (const f of state.fields) {
        const v = fieldValue(f, panel);
        if (v !== undefined && v !== false) values[f.name] = v;
      }
      state.values[panel.dataset.env] = values;
    });
  }

  /** Switching modes keeps what was typed: Development's values seed "same for all" and vice versa. */
  function convertValues() {
    if (state.configMode === 'SAME_FOR_ALL') {
      state.values.ALL = state.values.ALL && Object.keys(state.values.ALL).length ? state.values.ALL : { ...(state.values.DEVELOPMENT ?? {}) };
    } else if (!ENVIRONMENTS.some(([env]) => Object.keys(state.values[env] ?? {}).length)) {
      state.values.DEVELOPMENT = { ...(state.values.ALL ?? {}) };
    }
  }

  const submit = el('button', { class: 'primary', type: 'submit', form: 'integration-form' }, existing ? 'Save Changes' : 'Create Integration');
  // a draft revision: checked like a save, applied later from Manage Versions (versions.js); not a
  // submit button, so Enter in a field still saves
  let asDraft = false;
  const saveDraft = existing ? el('button', { type: 'button', onclick: () => { asDraft = true; form.requestSubmit(); } }, 'Save as Draft Revision') : null;
  const dialog = modal('integration-dialog', existing ? `Edit integration “${existing.name}”` : 'New Integration', form,
    [el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), saveDraft, submit]);
  await renderTypeSections();
  form.querySelector('#integration-name').focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    captureValues();
    const value = (name) => form.querySelector(`[data-field=${name}]`)?.value?.trim() || null;
    const body = {
      name: value('name') ?? '', description: value('description'), domainVertical: value('domainVertical'),
      type: state.type, authScheme: state.authScheme, configMode: state.configMode,
      openApiSpecUrl: state.type === 'REST_API' ? value('openApiSpecUrl') : null,
    };
    if (me.superAdmin) body.scope = value('scope');
    if (state.configMode === 'SAME_FOR_ALL') {
      body.config = state.values.ALL ?? {};
    } else {
      // a tab holding only the fields' defaults was left alone: that environment is not configured
      body.environments = Object.fromEntries(ENVIRONMENTS.map(([env]) => [env, state.values[env] ?? {}])
        .filter(([, values]) => state.fields.some((f) => values[f.name] !== undefined && String(values[f.name]) !== String(f.defaultValue ?? ''))));
    }
    if (existing) {
      body.version = existing.version;
      body.status = existing.status;
    }
    submit.disabled = true;
    const draftOnly = asDraft;
    asDraft = false;
    try {
      if (draftOnly) {
        const draft = await api('POST', `/api/integrations/${existing.id}/revisions`, body);
        toast(`Draft revision ${draft.revision} of “${existing.name}” saved; activate it in Manage Versions`);
        dialog.close();
        return;
      }
      const saved = existing
        ? await api('PUT', `/api/integrations/${existing.id}`, body)
        : await api('POST', '/api/integrations', body);
      toast(`Integration “${saved.name}” ${existing ? 'saved' : 'created'}`);
      dialog.close();
    } catch (e) {
      showFormProblem(e);
      submit.disabled = false;
    }
  });

  /** "environments.QA.baseUrl is required": open the QA tab and show it beside QA's field. */
  function showFormProblem(e) {
    const field = e.problem?.field ?? '';
    const match = /^environments\.([A-Z]+)\./.exec(field);
    if (match && state.configMode === 'PER_ENVIRONMENT') {
      selectTab(match[1]);
      showProblem(form, e, match[0], form.querySelector(`[role=tabpanel][data-env=${match[1]}]`) ?? form);
    } else {
      showProblem(form, e, field.startsWith('config.') ? 'config.' : '');
    }
  }
}

function label(env) {
  return ENVIRONMENTS.find(([e]) => e === env)?.[1] ?? env;
}

function initialValues(integration) {
  if (integration.configMode === 'SAME_FOR_ALL') return { ALL: { ...(integration.config ?? {}) } };
  const values = {};
  for (const [env] of ENVIRONMENTS) values[env] = { ...(integration.environments?.[env] ?? {}) };
  return values;
}

start().catch((e) => {
  main.removeAttribute('aria-busy');
  main.replaceChildren(el('p', { class: 'alert alert-error', role: 'alert' }, `The page could not load: ${e.message}`));
});
