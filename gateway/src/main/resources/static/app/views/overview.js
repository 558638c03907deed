// The association's overview (#/) and the portfolio across partner associations (#/portfolio):
// every plan with its overall G/O/R, next milestone, overdue activities and the next report due.
import { h, ratingBadge, table } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, session } from '../api.js';

export async function render(main, kind) {
  const portfolio = kind === 'portfolio';
  const title = t(portfolio ? 'portfolio.title' : 'overview.title');
  document.title = `${title} – Samplan`;

  async function load() {
    const plans = await get(portfolio ? '/api/reports/portfolio' : '/api/reports/status');
    const rows = plans.map(plan => {
      const cells = [
        h('a', { href: `#/plans/${encodeURIComponent(plan.planId)}` }, plan.title),
        t(`planStatus.${plan.planStatus}`),
        ratingBadge(plan.ratings?.OVERALL),
        nextMilestone(plan.nextMilestone),
        overdue(plan.overdueActivities),
        nextReport(plan.nextReport),
      ];
      if (portfolio) {
        cells.splice(1, 0, plan.associationId, t(`access.${plan.access}`));
      }
      return cells;
    });
    const headers = [t('col.plan'), t('col.planStatus'), t('col.overall'), t('col.nextMilestone'), t('col.overdue'), t('col.reportDue')];
    if (portfolio) {
      headers.splice(1, 0, t('col.association'), t('col.access'));
    }
    const who = session();
    main.replaceChildren(
      h('h1', {}, title, portfolio ? null : h('span', { className: 'subtitle' }, ` – ${who?.association ?? ''}`)),
      plans.length === 0
        ? h('p', {}, t('overview.none'))
        : table(t(portfolio ? 'portfolio.caption' : 'overview.plans'), headers, rows, { rowHeaders: true, className: 'overview' }));
  }

  await load();
  let pending = null;
  return {
    // Any change to a plan this person sees can change a rating, a milestone or a count: reload, at most twice a second.
    onChange() {
      clearTimeout(pending);
      pending = setTimeout(() => load().catch(() => {}), 500);
    },
    dispose() {
      clearTimeout(pending);
    },
  };
}

function nextMilestone(milestone) {
  if (!milestone) {
    return h('span', { className: 'muted' }, t('milestone.none'));
  }
  const date = milestone.forecastDate ?? milestone.targetDate;
  return h('span', {}, milestone.name, h('br'), h('span', { className: 'date' }, date ? formatDate(date) : t('milestone.unknownDate')),
    slip(milestone.targetDate, milestone.forecastDate));
}

export function slip(target, forecast) {
  if (!target || !forecast) {
    return null;
  }
  const days = Math.round((Date.parse(forecast) - Date.parse(target)) / 86400000);
  if (days === 0) {
    return null;
  }
  return h('span', { className: days > 0 ? 'slip late' : 'slip' }, ' (',
    t(days > 0 ? 'milestone.slip' : 'milestone.early', { days: Math.abs(days) }), ')');
}

function overdue(count) {
  return count > 0 ? h('span', { className: 'overdue' }, String(count)) : '0';
}

// The earliest due report the plan has not submitted, as reporting-service's status gives it.
function nextReport(waiting) {
  if (!waiting) {
    return h('span', { className: 'muted' }, t('report.noneDue'));
  }
  return h('span', {}, t('report.due', { title: waiting.title, date: formatDate(waiting.dueDate) }),
    waiting.overdue ? h('span', { className: 'overdue' }, ` – ${t('report.overdue')}`) : null);
}
