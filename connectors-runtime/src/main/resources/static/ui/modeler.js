// Where connections meet Camunda Modeler: the "Download templates" link (any user) and the
// wizard's note saying in which node templates a connection can be picked and whether it is yet.
import { api, el } from '/ui/app.js';

/** GET /api/templates/download: the user's templates (with their personal connections) as one file. */
export function downloadTemplatesLink() {
  return el('a', {
    class: 'button', href: '/api/templates/download', download: 'flow-connections.json', 'data-testid': 'download-templates',
    title: 'Save into Desktop Modeler\'s resources/element-templates folder',
  }, 'Download templates');
}

/** A note, filled in once the server answered, on where the connection can be picked in Modeler. */
export function availabilityNote(connectionId) {
  const note = el('p', { class: 'alert', 'data-testid': 'modeler-availability', role: 'status' }, 'Checking where Modeler offers this connection…');
  api('GET', `/api/templates/availability/${encodeURIComponent(connectionId)}`)
    .then((availability) => note.replaceChildren(...availabilityText(availability)))
    .catch((e) => { note.textContent = `Where Modeler offers this connection could not be read: ${e.message}`; });
  return note;
}

function availabilityText({ autoPublish, places }) {
  if (places.length === 0) return ['No Modeler task offers connections of this integration type.'];
  const where = places.map((p) => `the ${p.templateName} task's ${p.property} dropdown`).join(', ');
  const published = places.every((p) => p.published);
  const text = published
    ? `Available in Modeler in ${where} (published).`
    : `Available in Modeler in ${where} after the next publication (auto-publish: ${autoPublish
      ? 'on, within seconds' : 'off, an administrator publishes under Administration → Element templates'}).`;
  return [text, ' Desktop Modeler: ', downloadTemplatesLink(), ' into resources/element-templates.'];
}
