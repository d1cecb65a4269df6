// The "Import OpenAPI" control of a REST API integration's form (/admin/integrations): upload a
// JSON/YAML document or have the runtime fetch one from a URL; shows the active document's title,
// version and operation count, and the server's problems beside the field they name.
import {
  ApiError, api, el, showProblem, clearProblems, toast,
} from '/ui/app.js';

/**
 * The control for a saved integration. An import saves the integration (its next version), so
 * `integration.version` (and its openApiSpecUrl) is updated here: the open form then saves on top
 * of the import instead of failing as stale.
 */
export function openApiImport(integration) {
  const status = el('p', { class: 'hint', 'data-testid': 'openapi-status', 'aria-live': 'polite' }, 'Loading…');
  const file = el('input', {
    id: 'openapi-document', type: 'file', 'data-field': 'document', accept: '.json,.yaml,.yml,application/json,application/yaml',
  });
  const url = el('input', { id: 'openapi-url', type: 'url', 'data-field': 'url', placeholder: 'https://api.example.com/openapi.json' });
  const section = el('div', { class: 'openapi-import', 'data-testid': 'openapi-import' },
    status,
    el('div', { class: 'field' },
      el('label', { for: 'openapi-document' }, 'OpenAPI document (JSON or YAML)'),
      file,
      el('button', { type: 'button', 'data-testid': 'openapi-upload', onclick: () => run(() => upload()) }, 'Import file')),
    el('div', { class: 'field' },
      el('label', { for: 'openapi-url' }, 'Import from URL'),
      url,
      el('button', { type: 'button', 'data-testid': 'openapi-fetch', onclick: () => run(() => fetchUrl()) }, 'Import from URL')),
    // not .form-error: the integration form shows its own problems in the first one it finds
    el('p', { class: 'openapi-error error', role: 'alert', 'data-testid': 'openapi-error' }));
  const errorLine = section.querySelector('.openapi-error');

  const base = `/api/integrations/${integration.id}/openapi`;
  // Enter in the URL field imports, instead of submitting the integration form around it
  url.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      run(() => fetchUrl());
    }
  });

  function show(spec) {
    status.textContent = spec
      ? `${spec.title} ${spec.specVersion} · ${spec.operationCount} operation${spec.operationCount === 1 ? '' : 's'} (imported version ${spec.number})`
      : 'No OpenAPI document imported: tasks call this API by method and path.';
  }

  async function upload() {
    if (!file.files.length) {
      throw new ApiError(400, { field: 'document', detail: 'is required: choose a file', errors: [{ field: 'document', message: 'is required: choose a file' }] });
    }
    return api('POST', base, file.files[0]);
  }

  async function fetchUrl() {
    return api('POST', `${base}/url`, { url: url.value.trim() });
  }

  /** Beside the field the server names (document, url), else in the control's own line. */
  function problem(e) {
    showProblem(section, e, '', section);
    if (!section.querySelector('[aria-invalid]')) errorLine.textContent = e.message;
  }

  async function run(action) {
    clearProblems(section);
    errorLine.textContent = '';
    section.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const imported = await action();
      show(imported.spec);
      const saved = await api('GET', `/api/integrations/${integration.id}`);
      integration.version = saved.version;
      integration.openApiSpecUrl = saved.openApiSpecUrl;
      const specUrl = document.getElementById('integration-openApiSpecUrl');
      if (specUrl && saved.openApiSpecUrl) specUrl.value = saved.openApiSpecUrl;
      toast(imported.newVersion ? `Imported “${imported.spec.title}” ${imported.spec.specVersion}` : 'This document was imported before: it is active again');
    } catch (e) {
      problem(e);
    } finally {
      section.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  api('GET', base).then(show, (e) => (e.status === 404 ? show(null) : problem(e)));
  return section;
}
