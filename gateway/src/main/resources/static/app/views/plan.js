// A plan's page (#/plans/{id}): the plan as written, its milestones with the slippage chart, the
// activity plan (editable in place) with a month calendar, completion per month and its status reports.
// Live: another person's change to this plan reloads the parts it touches, never a form being filled in.
import { h, section, table, list, ratingBadge, errorBox, showError, announce } from '../dom.js';
import { t, formatDate, formatMoney, formatInstant, monthName } from '../i18n.js';
import { api, get, session, canWrite, download } from '../api.js';
import { slippageChart, completionChart } from '../charts.js';
import { slip } from './overview.js';

export async function render(main, planId) {
  const base = `/api/plans/${encodeURIComponent(planId)}`;
  const reporting = `/api/reports/plans/${encodeURIComponent(planId)}`;
  let plan;
  try {
    plan = (await api('GET', base)).data;
  } catch (error) {
    if (error.status === 404) {
      document.title = `${t('error.notFound')} – Samplan`;
      main.replaceChildren(h('h1', {}, t('error.notFound')), h('p', {}, t('plan.notFound')));
      return {};
    }
    throw error;
  }
  document.title = `${plan.title} – Samplan`;
  const me = session();
  const own = plan.associationId === me.association;
  const contributes = own || (plan.partners ?? []).some(p => p.associationId === me.association && p.access === 'CONTRIBUTE');
  const writable = canWrite() && contributes;
  // Status reports are the owning association's own: partners, even contributing ones, only read them.
  const writesReports = canWrite() && own;

  const header = h('div');
  const content = h('div');
  const milestonesBox = h('div');
  const activitiesBox = h('div');
  const calendarBox = h('div');
  const statisticsBox = h('div');
  const reportsBox = h('div');
  let activities = [];
  let calendarMonth = firstMonth(plan);
  let editing = null;

  function renderPlan() {
    header.replaceChildren(
      h('h1', {}, plan.title),
      h('dl', { className: 'facts' },
        h('dt', {}, t('plan.period')), h('dd', {}, `${formatDate(plan.periodStart)} – ${formatDate(plan.periodEnd)}`),
        h('dt', {}, t('plan.status')), h('dd', {}, t(`planStatus.${plan.status}`)),
        h('dt', {}, t('plan.version')), h('dd', {}, String(plan.version)),
        h('dt', {}, t('plan.owner')), h('dd', {}, plan.ownerId ?? ''),
        (plan.partners ?? []).length ? [h('dt', {}, t('plan.partners')),
          h('dd', {}, plan.partners.map(p => `${p.associationId} (${t(`access.${p.access}`)})`).join(', '))] : null),
      h('p', {}, h('button', { type: 'button', className: 'link-button', onClick: () => download(`${base}/export.pdf`, `${plan.title}.pdf`) },
        t('plan.exportPdf'))));
    const products = plan.informationProducts ?? [];
    content.replaceChildren(
      section('goals', t('plan.goals'), list((plan.goals ?? []).map(g => g.text))),
      section('audiences', t('plan.audiences'), (plan.audiences ?? []).length
        ? table(t('plan.audiences'), [t('audience.name'), t('audience.know'), t('audience.feel'), t('audience.act')],
          plan.audiences.map(a => [a.name, a.know ?? '', a.feel ?? '', a.act ?? '']), { rowHeaders: true, hideCaption: true })
        : list([])),
      section('target-groups', t('plan.targetGroups'), list((plan.targetGroups ?? []).map(g =>
        g.description ? [h('strong', {}, g.name), ` – ${g.description}`] : g.name))),
      section('channels', t('plan.channels'), list((plan.channels ?? []).map(c =>
        [h('strong', {}, c.name), c.audience ? ` (${c.audience})` : '', c.purpose ? ` – ${c.purpose}` : '']))),
      section('key-messages', t('plan.keyMessages'), list((plan.keyMessages ?? []).map(m => m.text))),
      section('risks', t('plan.risks'), (plan.risks ?? []).length
        ? table(t('plan.risks'), [t('risk.description'), t('risk.mitigation')],
          plan.risks.map(r => [r.description, r.mitigation ?? '']), { hideCaption: true })
        : list([])),
      section('matrix', t('plan.matrix'), (plan.stakeholderMatrix ?? []).length && products.length
        ? [table(t('plan.matrix'), [t('matrix.stakeholder'), ...products.map(p => p.name)],
          plan.stakeholderMatrix.map(row => [row.stakeholder, ...products.map(p =>
            row.cells?.[p.id] && row.cells[p.id] !== 'NONE' ? row.cells[p.id] : '')]), { rowHeaders: true, hideCaption: true }),
          h('p', { className: 'muted' }, t('matrix.legend'))]
        : list([])));
  }

  async function loadMilestones() {
    const milestones = await get(`${reporting}/milestones`);
    const moves = milestones.flatMap(m => (m.history ?? []).map(entry => [m.name, formatInstant(entry.at), t(`slip.kind.${entry.kind}`),
      entry.kind === 'STATUS' ? (entry.previousStatus ?? '–') : (formatDate(entry.previousDate) || '–'),
      entry.kind === 'STATUS' ? (entry.newStatus ?? '–') : (formatDate(entry.newDate) || '–'), entry.reason ?? '']));
    milestonesBox.replaceChildren(
      milestones.length
        ? table(t('plan.milestones'), [t('ms.name'), t('ms.target'), t('ms.forecast'), t('ms.status'), t('ms.slip')],
          milestones.map(m => [m.name, formatDate(m.targetDate) || '?', formatDate(m.forecastDate) || '?', ratingBadge(m.status),
            slip(m.targetDate, m.forecastDate) ?? '–']), { rowHeaders: true, hideCaption: true })
        : list([]),
      h('h3', {}, t('slip.title')),
      slippageChart(milestones, 'slippage-chart'),
      moves.length ? table(t('slip.table'), [t('ms.name'), t('slip.when'), t('slip.change'), t('slip.from'), t('slip.to'), t('slip.reason')],
        moves, { rowHeaders: true }) : '');
  }

  async function loadActivities() {
    activities = await get(`/api/activities?planId=${encodeURIComponent(planId)}`);
    if (!editing) {
      renderActivities();
    }
    renderCalendar();
  }

  function renderActivities() {
    if (activities.length === 0) {
      activitiesBox.replaceChildren(h('p', { className: 'muted', id: 'activity-list' }, t('act.none')));
      return;
    }
    const headers = [t('act.title'), t('act.when'), t('act.responsible'), t('act.status'), t('act.budget')];
    if (writable) {
      headers.push(t('act.actions'));
    }
    activitiesBox.replaceChildren(h('div', { className: 'table-wrap' }, h('table', { id: 'activity-list' },
      h('caption', { className: 'visually-hidden' }, t('plan.activities')),
      h('thead', {}, h('tr', {}, headers.map(text => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, activities.map(activity => editing === activity.activityId ? editRow(activity) : row(activity))))));
  }

  function row(activity) {
    const open = (activity.occurrences ?? []).find(o => o.status === 'PLANNED' || o.status === 'IN_PROGRESS' || o.status === 'POSTPONED');
    const cells = [
      h('th', { scope: 'row' }, activity.title),
      h('td', {}, when(activity)),
      h('td', {}, (activity.responsible ?? []).map(r => r.ref).join(', ')),
      h('td', {}, occurrenceStatus(activity)),
      h('td', { className: 'number' }, formatMoney(activity.budgetSek)),
    ];
    if (writable) {
      cells.push(h('td', { className: 'actions' },
        h('button', { type: 'button', 'aria-label': t('act.editTitle', { title: activity.title }),
          onClick: () => { editing = activity.activityId; renderActivities(); document.getElementById(`edit-title-${activity.activityId}`)?.focus(); } },
        t('act.edit')),
        open ? h('button', { type: 'button', 'aria-label': t('act.completeTitle', { title: activity.title }),
          onClick: () => complete(activity, open) }, t('act.complete')) : null));
    }
    return h('tr', { 'data-activity': activity.activityId }, cells);
  }

  function editRow(activity) {
    const titleId = `edit-title-${activity.activityId}`;
    const budgetId = `edit-budget-${activity.activityId}`;
    const status = h('div');
    const title = h('input', { id: titleId, value: activity.title, required: true, maxlength: 300 });
    const budget = h('input', { id: budgetId, type: 'number', min: 0, step: 1, value: activity.budgetSek ?? '' });
    const save = async () => {
      try {
        await api('PUT', `/api/activities/${activity.activityId}/details`, {
          title: title.value, description: activity.description, kind: activity.kind, targetGroups: activity.targetGroups,
          channel: activity.channel, responsible: activity.responsible, need: activity.need, how: activity.how,
          budgetSek: budget.value === '' ? null : Number(budget.value), comment: activity.comment,
        }, `"${activity.sequence}"`);
        editing = null;
        announce(t('act.saved'));
        await loadActivities();
        activitiesBox.querySelector(`tr[data-activity="${activity.activityId}"] button`)?.focus();
      } catch (error) {
        showError(status, error);
      }
    };
    return h('tr', { 'data-activity': activity.activityId, className: 'editing' },
      h('td', { colspan: 4 }, status,
        h('div', { className: 'field' }, h('label', { for: titleId }, t('act.title')), title)),
      h('td', {}, h('div', { className: 'field' }, h('label', { for: budgetId }, t('act.budgetSek')), budget)),
      h('td', { className: 'actions' },
        h('button', { type: 'button', className: 'primary', onClick: save }, t('act.save')),
        h('button', { type: 'button', onClick: () => { editing = null; renderActivities(); } }, t('act.cancel'))));
  }

  async function complete(activity, occurrence) {
    try {
      await api('POST', `/api/activities/${activity.activityId}/occurrences/${encodeURIComponent(occurrence.occurrenceId)}/completion`,
        { doneOn: new Date().toISOString().slice(0, 10) }, `"${activity.sequence}"`);
      announce(t('act.completed', { title: activity.title }));
      await loadActivities();
    } catch (error) {
      activitiesBox.prepend(errorBox(error));
    }
  }

  function addForm() {
    const status = h('div');
    const title = h('input', { id: 'new-activity-title', name: 'title', required: true, maxlength: 300, 'aria-required': 'true' });
    const kind = h('select', { id: 'new-activity-kind', name: 'kind' },
      ['DATE', 'MONTH', 'ONGOING'].map(k => h('option', { value: k }, t(`sched.${k}`))));
    const date = h('input', { id: 'new-activity-date', name: 'date', type: 'date' });
    const month = h('input', { id: 'new-activity-month', name: 'month', type: 'month', placeholder: 'ÅÅÅÅ-MM' });
    const budget = h('input', { id: 'new-activity-budget', name: 'budgetSek', type: 'number', min: 0, step: 1 });
    const dateField = h('div', { className: 'field' }, h('label', { for: 'new-activity-date' }, t('act.date')), date);
    const monthField = h('div', { className: 'field', hidden: true }, h('label', { for: 'new-activity-month' }, t('act.month')), month);
    kind.addEventListener('change', () => {
      dateField.hidden = kind.value !== 'DATE';
      monthField.hidden = kind.value !== 'MONTH';
    });
    const form = h('form', { className: 'inline-form', id: 'add-activity', novalidate: true },
      h('h3', {}, t('act.add')),
      status,
      h('div', { className: 'field' }, h('label', { for: 'new-activity-title' }, t('act.title'), h('span', { className: 'req' }, ` (${t('required')})`)), title),
      h('div', { className: 'field' }, h('label', { for: 'new-activity-kind' }, t('act.kind')), kind),
      dateField, monthField,
      h('div', { className: 'field' }, h('label', { for: 'new-activity-budget' }, t('act.budgetSek')), budget),
      h('button', { type: 'submit', className: 'primary' }, t('act.add')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const schedule = { kind: kind.value };
      if (kind.value === 'DATE') {
        schedule.date = date.value || null;
      } else if (kind.value === 'MONTH') {
        schedule.month = month.value || null;
      } else {
        schedule.text = t('sched.ONGOING');
      }
      try {
        await api('POST', '/api/activities', {
          planId, title: title.value, schedule, budgetSek: budget.value === '' ? null : Number(budget.value),
          responsible: [{ kind: 'PERSON', ref: me.user }],
        });
        announce(t('act.added', { title: title.value }));
        status.replaceChildren();
        form.reset();
        dateField.hidden = false;
        monthField.hidden = true;
        await loadActivities();
        title.focus();
      } catch (error) {
        showError(status, error);
      }
    });
    return form;
  }

  function renderCalendar() {
    const [year, month] = calendarMonth.split('-').map(Number);
    const first = new Date(Date.UTC(year, month - 1, 1));
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const offset = (first.getUTCDay() + 6) % 7;  // Monday first, as in Sweden
    const byDay = new Map();
    for (const activity of activities) {
      for (const occurrence of activity.occurrences ?? []) {
        if (occurrence.dueDate?.startsWith(calendarMonth)) {
          const day = Number(occurrence.dueDate.slice(8, 10));
          byDay.set(day, [...(byDay.get(day) ?? []), { activity, occurrence }]);
        }
      }
    }
    const weeks = [];
    let week = Array(offset).fill(null);
    for (let day = 1; day <= days; day++) {
      week.push(day);
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length) {
      weeks.push([...week, ...Array(7 - week.length).fill(null)]);
    }
    const shift = delta => {
      const d = new Date(Date.UTC(year, month - 1 + delta, 1));
      calendarMonth = d.toISOString().slice(0, 7);
      renderCalendar();
      calendarBox.querySelector(delta < 0 ? '.cal-previous' : '.cal-next').focus();
    };
    const short = t('cal.daysShort');
    const long = t('cal.days');
    calendarBox.replaceChildren(
      h('div', { className: 'calendar-nav' },
        h('button', { type: 'button', className: 'cal-previous', onClick: () => shift(-1) }, '‹ ', t('cal.previous')),
        h('span', { className: 'calendar-month', id: 'calendar-month', 'aria-live': 'polite' }, monthName(calendarMonth)),
        h('button', { type: 'button', className: 'cal-next', onClick: () => shift(1) }, t('cal.next'), ' ›')),
      h('table', { className: 'calendar', 'aria-labelledby': 'calendar-month' },
        h('thead', {}, h('tr', {}, short.map((name, i) => h('th', { scope: 'col' }, h('abbr', { title: long[i] }, name))))),
        h('tbody', {}, weeks.map(days7 => h('tr', {}, days7.map(day => h('td', { className: day ? null : 'empty' },
          day ? [h('span', { className: 'day' }, String(day)),
            (byDay.get(day) ?? []).length ? h('ul', {}, byDay.get(day).map(({ activity, occurrence }) =>
              h('li', { className: `occ occ-${occurrence.status}` }, activity.title, ' – ', t(`occ.${occurrence.status}`)))) : null] : '')))))),
      byDay.size === 0 ? h('p', { className: 'muted' }, t('cal.none')) : '');
  }

  async function loadStatistics() {
    const from = (plan.periodStart ?? new Date().toISOString()).slice(0, 7);
    const to = (plan.periodEnd ?? new Date().toISOString()).slice(0, 7);
    const months = await get(`${reporting}/statistics?from=${from}&to=${to}`);
    statisticsBox.replaceChildren(
      completionChart(months, 'completion-chart'),
      table(t('plan.completion'), [t('stat.month'), t('stat.planned'), t('stat.done'), t('stat.overdue'), t('stat.cancelled'),
        t('stat.budget'), t('stat.spent')], months.map(m => [m.month, String(m.planned), String(m.done), String(m.overdue),
        String(m.cancelled), formatMoney(m.budgetPlannedSek), formatMoney(m.spentSek)]), { rowHeaders: true, hideCaption: true }));
  }

  async function loadReports() {
    const reports = await get(`${reporting}/status-reports`);
    reportsBox.replaceChildren(reports.length
      ? table(t('plan.reports'), [t('rep.title'), t('rep.periodLabel'), t('rep.status'), t('rep.overall')],
        reports.map(r => [h('a', { href: `#/reports/${encodeURIComponent(r.reportId)}` }, r.title),
          `${formatDate(r.period.start)} – ${formatDate(r.period.end)}`, t(`rep.status.${r.status}`), ratingBadge(r.overall)]),
        { rowHeaders: true, hideCaption: true })
      : h('p', { className: 'muted' }, t('rep.none')));
  }

  function openReportForm() {
    const status = h('div');
    const period = h('input', { id: 'report-period', name: 'period', required: true, placeholder: '2021-12', value: defaultPeriod() });
    const form = h('form', { className: 'inline-form', novalidate: true },
      h('h3', {}, t('rep.open')), status,
      h('div', { className: 'field' }, h('label', { for: 'report-period' }, t('rep.period')), period),
      h('button', { type: 'submit', className: 'primary' }, t('rep.create')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const created = await api('POST', `${reporting}/status-reports`, { period: period.value.trim() });
        location.hash = `#/reports/${encodeURIComponent(created.data.reportId)}`;
      } catch (error) {
        showError(status, error);
      }
    });
    return form;
  }

  renderPlan();
  await Promise.all([loadMilestones(), loadActivities(), loadStatistics(), loadReports()]);
  main.replaceChildren(header, content,
    section('milestones', t('plan.milestones'), milestonesBox),
    section('activities', t('plan.activities'), writable ? addForm() : null, activitiesBox),
    section('calendar', t('plan.calendar'), calendarBox),
    section('completion', t('plan.completion'), statisticsBox),
    section('reports', t('plan.reports'), reportsBox, writesReports ? openReportForm() : null));

  let pending = null;
  return {
    onChange(change) {
      if (change.planId !== planId) {
        return;
      }
      clearTimeout(pending);
      pending = setTimeout(async () => {
        try {
          if (change.type?.startsWith('Plan') || change.type?.startsWith('Milestone')) {
            plan = (await api('GET', base)).data;
            renderPlan();
          }
          await Promise.all([loadMilestones(), loadActivities(), loadStatistics(), loadReports()]);
          announce(t('live.changed', { what: change.type }));
        } catch {
          // The next change or a reload shows it; a failed refresh must not break the page.
        }
      }, 300);
    },
    dispose() {
      clearTimeout(pending);
    },
  };
}

function firstMonth(plan) {
  const today = new Date().toISOString().slice(0, 7);
  if (plan.periodStart && plan.periodEnd && (today < plan.periodStart.slice(0, 7) || today > plan.periodEnd.slice(0, 7))) {
    return plan.periodStart.slice(0, 7);
  }
  return today;
}

function defaultPeriod() {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

function when(activity) {
  const s = activity.schedule ?? {};
  switch (s.kind) {
    case 'DATE': return formatDate(s.date);
    case 'MONTH': return s.month ? monthName(s.month) : '';
    default: return s.text ?? t(`sched.${s.kind}`);
  }
}

function occurrenceStatus(activity) {
  const occurrences = activity.occurrences ?? [];
  if (occurrences.length === 0) {
    return t('sched.ONGOING');
  }
  const today = new Date().toISOString().slice(0, 10);
  const open = occurrences.find(o => o.status !== 'DONE' && o.status !== 'CANCELLED');
  const shown = open ?? occurrences[occurrences.length - 1];
  const late = open && open.dueDate && open.dueDate < today;
  return [t(`occ.${shown.status}`), late ? h('span', { className: 'overdue' }, ` – ${t('occ.overdue')}`) : null,
    occurrences.length > 1 ? ` (${occurrences.filter(o => o.status === 'DONE').length}/${occurrences.length})` : ''];
}
