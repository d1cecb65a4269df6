// Manage Versions → Revisions: an integration's version history (the ACTIVE revision connections
// use, DRAFT revisions prepared beside it, EARLIER ones), who changed what and when, the changes of
// a revision, restoring an earlier revision and activating or discarding a draft.
import { ApiError, api, el, toast, confirmDialog } from '/ui/app.js';

const STATE_LABELS = { ACTIVE: 'Active', DRAFT: 'Draft', EARLIER: 'Earlier' };

/**
 * The Revisions section of the Manage Versions dialog of `integration`. `onApplied` runs after an
 * activation or a restore changed the integration (the dialog's other content is then stale).
 */
export function revisionsSection(integration, { onApplied }) {
  const base = `/api/integrations/${integration.id}/revisions`;
  const rows = el('tbody', { 'aria-live': 'polite' });
  const error = el('p', { class: 'form-error', role: 'alert', id: 'revisions-error' });
  const diff = el('div', { id: 'revision-diff' });
  const section = el('section', { id: 'revisions', 'aria-labelledby': 'revisions-title' },
    el('h3', { id: 'revisions-title' }, 'Revisions'),
    el('table', { 'data-testid': 'revisions' },
      el('caption', { class: 'sr-only' }, `Revisions of ${integration.name}, newest first`),
      el('thead', {}, el('tr', {}, ['Revision', 'Status', 'By', 'When', 'Changed', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
      rows),
    error,
    diff);

  async function load() {
    rows.setAttribute('aria-busy', 'true');
    try {
      const revisions = await api('GET', base);
      rows.replaceChildren(...revisions.map(row));
    } catch (e) {
      error.textContent = problemText(e);
    } finally {
      rows.removeAttribute('aria-busy');
    }
  }

  function row(r) {
    const actions = [el('button', { type: 'button', 'aria-label': `Show changes of revision ${r.revision}`, onclick: () => showDiff(r) }, 'Changes')];
    if (r.state === 'EARLIER') {
      actions.push(el('button', { type: 'button', 'aria-label': `Restore revision ${r.revision}`, onclick: () => restore(r) }, 'Restore'));
    }
    if (r.state === 'DRAFT') {
      actions.push(
        el('button', { type: 'button', class: 'primary', 'aria-label': `Activate draft revision ${r.revision}`, onclick: () => activate(r) }, 'Activate'),
        el('button', { type: 'button', 'aria-label': `Discard draft revision ${r.revision}`, onclick: () => discard(r) }, 'Discard'));
    }
    return el('tr', { 'data-revision': r.revision, 'data-state': r.state },
      el('th', { scope: 'row' }, `#${r.revision}`),
      el('td', {}, el('span', { class: `badge ${r.state === 'ACTIVE' ? 'ok' : 'muted'}` }, STATE_LABELS[r.state])),
      el('td', {}, r.createdBy),
      el('td', {}, el('time', { datetime: r.createdAt }, new Date(r.createdAt).toLocaleString())),
      el('td', {}, summary(r)),
      el('td', {}, el('div', { class: 'row-actions' }, actions)));
  }

  async function showDiff(r) {
    error.textContent = '';
    try {
      const { changes } = await api('GET', `${base}/${r.revision}/diff`);
      const compared = r.state === 'DRAFT' ? 'the active revision' : 'the revision before';
      const heading = el('h4', { id: 'revision-diff-title', tabindex: '-1' }, `Changes of revision ${r.revision}, compared with ${compared}`);
      diff.replaceChildren(heading, changes.length
        ? el('table', { 'data-testid': 'revision-diff', 'aria-labelledby': 'revision-diff-title' },
          el('thead', {}, el('tr', {}, ['Property', 'Before', 'After'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, changes.map((c) => el('tr', {},
            el('th', { scope: 'row' }, el('code', {}, c.path)), el('td', {}, value(c.before)), el('td', {}, value(c.after))))))
        : el('p', {}, 'No property changed.'));
      heading.focus();
    } catch (e) {
      error.textContent = problemText(e);
    }
  }

  async function restore(r) {
    const confirmed = await confirmDialog({
      title: `Restore revision ${r.revision}?`,
      body: el('p', {}, `Its settings are saved as a new revision and connections use them at once. Revision ${r.revision} itself stays in the history.`),
      confirmLabel: 'Restore',
      danger: false,
    });
    if (confirmed) await apply(`${base}/${r.revision}/restore`, `Revision ${r.revision} of “${integration.name}” restored`);
  }

  async function activate(r) {
    const confirmed = await confirmDialog({
      title: `Activate draft revision ${r.revision}?`,
      body: el('p', {}, 'Its settings replace the active ones; connections use them at once.'),
      confirmLabel: 'Activate',
      danger: false,
    });
    if (confirmed) await apply(`${base}/${r.revision}/activate`, `Draft revision ${r.revision} of “${integration.name}” is active`);
  }

  async function discard(r) {
    const confirmed = await confirmDialog({ title: `Discard draft revision ${r.revision}?`, body: el('p', {}, 'The draft is deleted; nothing connections use changes.'), confirmLabel: 'Discard' });
    if (!confirmed) return;
    try {
      await api('DELETE', `${base}/${r.revision}`);
      toast(`Draft revision ${r.revision} discarded`);
      diff.replaceChildren();
      await load();
    } catch (e) {
      error.textContent = problemText(e);
    }
  }

  // the version this dialog read: if someone saved since, the server answers 409 and nothing changes
  async function apply(path, message) {
    error.textContent = '';
    try {
      await api('POST', path, { version: integration.version });
      toast(message);
      onApplied();
    } catch (e) {
      error.textContent = problemText(e);
    }
  }

  load();
  return section;
}

function summary(r) {
  const origin = {
    CREATED: 'Created',
    MIGRATED: 'State when history began',
    RESTORED: `Restored from revision ${r.sourceRevision}`,
    ACTIVATED: 'Activated draft',
    DRAFT: 'Draft',
  }[r.origin];
  const changed = r.changedProperties.length ? r.changedProperties.join(', ') : null;
  return origin && r.origin !== 'UPDATED' ? [origin, changed ? `: ${changed}` : ''] : (changed ?? '—');
}

/** A value of the diff as text; absent is a dash. Integrations hold no secret values. */
function value(v) {
  if (v === null || v === undefined) return el('span', { class: 'muted', 'aria-label': 'not set' }, '—');
  return el('code', {}, typeof v === 'string' ? v : JSON.stringify(v));
}

function problemText(e) {
  if (!(e instanceof ApiError)) return String(e?.message || e);
  const errors = e.problem.errors?.map((f) => `${f.field}: ${f.message}`) ?? [];
  return [e.message, ...errors].join(' — ');
}
