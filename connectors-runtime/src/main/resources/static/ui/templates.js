// Administration → Element templates (/admin/templates): each node template's published version,
// when and by whom, whether the current integrations and connections would change it, Publish and
// Download templates.
import { api, el, renderHeader, toast } from '/ui/app.js';
import { downloadTemplatesLink } from '/ui/modeler.js';

const main = document.getElementById('main');

async function start() {
  await renderHeader('/admin/templates');
  const publish = el('button', { class: 'primary', id: 'publish-templates', onclick: () => publishNow(publish) }, 'Publish');
  main.replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, 'Element templates'),
        el('p', {}, 'Camunda Modeler offers the Flow Connections tasks through these templates, with a Connection dropdown of the organization\'s connections. A template gets a new version when a publication changes it.')),
      el('div', { class: 'row-actions' }, publish, downloadTemplatesLink())),
    el('p', { id: 'auto-publish', class: 'alert', role: 'status' }),
    el('p', { class: 'form-error', role: 'alert', id: 'publish-error' }),
    el('div', { id: 'template-table', 'aria-live': 'polite' }));
  await load();
  main.removeAttribute('aria-busy');
}

async function load() {
  const box = document.getElementById('template-table');
  box.setAttribute('aria-busy', 'true');
  try {
    const status = await api('GET', '/api/templates/status');
    document.getElementById('auto-publish').textContent = status.autoPublish
      ? 'Auto-publish: on. Changes of integrations and connections are published within seconds; Publish does it now.'
      : 'Auto-publish: off. Changes reach Modeler when you Publish.';
    box.replaceChildren(el('table', {},
      el('caption', { class: 'sr-only' }, 'Publication status of each element template'),
      el('thead', {}, el('tr', {}, ['Template', 'Version', 'Published', 'By', 'Status'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, status.templates.map(row))));
  } finally {
    box.removeAttribute('aria-busy');
  }
}

function row(t) {
  const state = t.version === null || t.version === undefined
    ? ['Never published', 'muted']
    : t.changed ? ['Changed since: Publish updates it', 'fail'] : ['Up to date', 'ok'];
  return el('tr', { 'data-testid': 'template-row', 'data-template': t.templateId },
    el('th', { scope: 'row' }, t.name, el('br'), el('small', {}, el('code', {}, t.templateId))),
    el('td', {}, t.version ?? '—'),
    el('td', {}, t.publishedAt ? new Date(t.publishedAt).toLocaleString() : '—'),
    el('td', {}, t.publishedBy ?? '—'),
    el('td', {}, el('span', { class: `badge ${state[1]}`, 'data-testid': 'template-state' }, state[0])));
}

async function publishNow(button) {
  button.disabled = true;
  document.getElementById('publish-error').textContent = '';
  try {
    const publication = await api('POST', '/api/templates/publish');
    const changed = publication.templates.filter((t) => t.changed).length;
    toast(changed === 0 ? 'Published: nothing had changed' : `Published: ${changed} template${changed === 1 ? '' : 's'} got a new version`);
    await load();
  } catch (e) {
    document.getElementById('publish-error').textContent = `Publishing failed: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

start().catch((e) => {
  main.removeAttribute('aria-busy');
  main.replaceChildren(el('p', { class: 'alert alert-error', role: 'alert' }, `The page could not load: ${e.message}`));
});
