// The association's members (#/members): who works on the platform for it, with roles and whether
// they have logged in yet. Association admins invite people, change their roles and remove them.
import { h, section, table, showError, announce } from '../dom.js';
import { t } from '../i18n.js';
import { api, session } from '../api.js';

const ROLES = ['association-admin', 'plan-owner', 'communicator', 'contributor', 'reader'];

export async function render(main) {
  const me = session();
  const base = `/api/associations/${encodeURIComponent(me.association)}`;
  const admin = me.roles.includes('association-admin') || me.roles.includes('platform-admin');
  document.title = `${t('members.title')} – Samplan`;
  let association;
  try {
    association = (await api('GET', base)).data;
  } catch (error) {
    if (error.status === 404) {
      main.replaceChildren(h('h1', {}, t('members.title')), h('p', {}, t('members.notRegistered')));
      return {};
    }
    throw error;
  }
  const listBox = h('div', { id: 'member-list' });
  let etag = null;

  async function load() {
    const answer = await api('GET', `${base}/members`);
    etag = answer.etag;
    const members = answer.data;
    const headers = [t('members.name'), t('members.email'), t('members.roles'), t('members.status')];
    if (admin) {
      headers.push(t('members.change'));
    }
    listBox.replaceChildren(table(t('members.caption', { count: members.length }), headers, members.map(member => {
      const cells = [member.name ?? member.memberId, member.email ?? '', member.roles.map(role => t(`role.${role}`)).join(', '),
        t(`members.status.${member.status}`)];
      if (admin) {
        cells.push(changeControls(member));
      }
      return cells;
    }), { rowHeaders: true, className: 'members' }));
  }

  /** A member's roles as checkboxes in a fieldset, named after the member so each group is told apart. */
  function roleBoxes(prefix, chosen, legend) {
    return h('fieldset', { className: 'roles' }, h('legend', {}, legend),
      ROLES.map(role => h('label', { className: 'checkbox' },
        h('input', { type: 'checkbox', name: 'roles', value: role, id: `${prefix}-${role}`, checked: chosen.includes(role) }),
        ' ', t(`role.${role}`))));
  }

  function chosenRoles(form) {
    return [...form.querySelectorAll('input[name=roles]:checked')].map(box => box.value);
  }

  function changeControls(member) {
    const who = member.name ?? member.memberId;
    const status = h('div');
    const id = `member-${member.memberId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const form = h('form', { className: 'member-roles', id: `${id}-roles`, novalidate: true },
      roleBoxes(id, member.roles, t('members.rolesOf', { name: who })),
      status,
      h('button', { type: 'submit' }, t('members.saveRoles')),
      ' ',
      h('button', { type: 'button', className: 'danger', id: `${id}-remove`,
        'aria-label': t('members.removeNamed', { name: who }),
        onClick: async () => {
          if (!window.confirm(t('members.confirmRemove', { name: who }))) {
            return;
          }
          try {
            await api('DELETE', `${base}/members/${encodeURIComponent(member.memberId)}`, undefined, etag);
            announce(t('members.removed', { name: who }));
            await load();
          } catch (error) {
            showError(status, error);
          }
        } }, t('members.remove')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api('PUT', `${base}/members/${encodeURIComponent(member.memberId)}/roles`, { roles: chosenRoles(form) }, etag);
        announce(t('members.rolesSaved', { name: who }));
        await load();
      } catch (error) {
        showError(status, error);
      }
    });
    return form;
  }

  function inviteForm() {
    const status = h('div');
    const name = h('input', { id: 'invite-name', name: 'name', required: true, maxlength: 200, autocomplete: 'off', 'aria-required': 'true' });
    const email = h('input', { id: 'invite-email', name: 'email', type: 'email', required: true, autocomplete: 'off', 'aria-required': 'true' });
    const lang = h('select', { id: 'invite-language', name: 'language' },
      h('option', { value: 'sv' }, 'Svenska'), h('option', { value: 'en', lang: 'en' }, 'English'));
    const form = h('form', { className: 'inline-form', id: 'invite-member', novalidate: true },
      status,
      h('div', { className: 'field' }, h('label', { for: 'invite-name' }, t('members.name'), h('span', { className: 'req' }, ` (${t('required')})`)), name),
      h('div', { className: 'field' }, h('label', { for: 'invite-email' }, t('members.email'), h('span', { className: 'req' }, ` (${t('required')})`)), email),
      h('div', { className: 'field' }, h('label', { for: 'invite-language' }, t('members.language')), lang),
      roleBoxes('invite', ['contributor'], t('members.roles')),
      h('button', { type: 'submit', className: 'primary' }, t('members.invite')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const invitee = name.value.trim();
      try {
        await api('POST', `${base}/members`, { name: invitee, email: email.value.trim(), language: lang.value, roles: chosenRoles(form) });
        announce(t('members.invited', { name: invitee }));
        status.replaceChildren(h('p', { className: 'success', role: 'status' }, t('members.invited', { name: invitee })));
        form.reset();
        await load();
        name.focus();
      } catch (error) {
        showError(status, error);
      }
    });
    return form;
  }

  await load();
  main.replaceChildren(
    h('h1', {}, t('members.title'), h('span', { className: 'subtitle' }, ` – ${association.name}`)),
    section('members', t('members.list'), listBox),
    admin ? section('invite', t('members.invite'), inviteForm()) : null);
  return {
    // Someone else invited or changed a member: show it, unless this person is halfway through a form.
    onChange() {
      if (!main.contains(document.activeElement) || document.activeElement === document.body) {
        load().catch(() => {});
      }
    },
  };
}
