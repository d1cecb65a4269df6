// System integrations on /admin/integrations: super admins hide one from everyone else (the lists,
// the connection wizard, new connections; existing connections keep working) or show it again.
// The server decides (PUT /api/integrations/{id}/hidden); others never see a hidden one.
import { api, el, toast } from '/ui/app.js';

export function hiddenBadge(i) {
  return i.hidden ? el('span', { class: 'badge muted', 'data-testid': 'hidden-badge' }, 'Hidden') : null;
}

/** Hide/Show for a super admin on a System integration's card; nothing for anyone else. */
export function hideButton(i, me, reload) {
  if (i.scope !== 'SYSTEM' || !me.superAdmin) return null;
  const action = i.hidden ? 'Show' : 'Hide';
  return el('button', {
    class: 'icon',
    'aria-label': `${action} ${i.name}`,
    title: i.hidden ? 'Offer it to everyone again' : 'Offer it only to super admins',
    onclick: async () => {
      try {
        await api('PUT', `/api/integrations/${i.id}/hidden`, { hidden: !i.hidden });
        toast(`“${i.name}” is ${i.hidden ? 'offered again' : 'hidden'}`);
        await reload();
      } catch (e) {
        toast(e.message);
      }
    },
  }, action);
}
