// A status report (#/reports/{id}): the draft drafted from events, edited in place (ratings with
// comments, results, planned actions, risks, open questions) and submitted; a submitted report is read only.
import { h, section, table, list, ratingBadge, errorBox, announce } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { api, canWrite, session, reportPath, download } from '../api.js';

const PARAMETERS = ['BUDGET', 'TIMELINE', 'RISK_MANAGEMENT', 'STAKEHOLDER_ENGAGEMENT', 'OVERALL'];

export async function render(main, reportId) {
  const path = reportPath(reportId);
  let { data: report, etag } = await api('GET', path);
  let dirty = false;

  function show() {
    document.title = `${report.title} – Samplan`;
    // Partners read a shared plan's reports; only the owning association's writers edit them.
    const editable = report.status === 'DRAFT' && canWrite() && report.associationId === session()?.association;
    main.replaceChildren(
      h('p', {}, h('a', { href: `#/plans/${encodeURIComponent(report.planId)}` }, '‹ ', t('rep.back'))),
      h('h1', {}, report.title),
      h('dl', { className: 'facts' },
        h('dt', {}, t('rep.periodLabel')), h('dd', {}, `${formatDate(report.period.start)} – ${formatDate(report.period.end)}`),
        h('dt', {}, t('rep.status')), h('dd', { id: 'report-status' }, t(`rep.status.${report.status}`)),
        report.recipient ? [h('dt', {}, t('rep.recipient')), h('dd', {}, report.recipient)] : null,
        report.submittedAt ? [h('dt', {}, t('rep.submittedAt', { date: '' }).trim()), h('dd', {}, formatDate(report.submittedAt.slice(0, 10)))] : null),
      h('p', {}, h('button', { type: 'button', className: 'link-button',
        onClick: () => download(`${path}/export.pdf`, `${report.title}.pdf`) }, t('rep.exportPdf'))),
      editable ? editor() : readOnly());
  }

  function readOnly() {
    const c = report.content;
    return h('div', {},
      report.status === 'SUBMITTED' ? h('p', { className: 'notice' }, t('rep.frozen')) : null,
      section('rep-parameters', t('rep.parameters'), table(t('rep.parameters'), [t('rep.parameter'), t('rep.rating'), t('rep.comment')],
        c.parameters.map(p => [t(`rep.param.${p.parameter}`), ratingBadge(p.rating), p.comment ?? '']), { rowHeaders: true, hideCaption: true })),
      section('rep-results', t('rep.results'), grouped(c.results)),
      section('rep-planned', t('rep.planned'), list(c.plannedActions.map(item => item.text))),
      section('rep-user', t('rep.userPerspective'), c.userPerspective ? h('p', {}, c.userPerspective) : list([])),
      section('rep-milestones', t('rep.milestones'), milestoneTable(c.milestones)),
      section('rep-risks', t('rep.risks'), list(c.risks)),
      section('rep-questions', t('rep.questions'), list(c.openQuestions)));
  }

  function editor() {
    const c = report.content;
    const status = h('div', { id: 'report-form-status' });
    const area = (id, label, value, hint) => {
      const textarea = h('textarea', { id, name: id, rows: 5, 'aria-describedby': hint ? `${id}-hint` : null });
      textarea.value = value;
      return [h('div', { className: 'field' }, h('label', { for: id }, label),
        hint ? h('p', { className: 'hint', id: `${id}-hint` }, hint) : null, textarea), textarea];
    };
    const ratings = new Map();
    const parameterFields = PARAMETERS.map(parameter => {
      const current = c.parameters.find(p => p.parameter === parameter) ?? { parameter };
      const select = h('select', { id: `rating-${parameter}`, name: `rating-${parameter}` },
        h('option', { value: '' }, t('rating.none')),
        ['G', 'O', 'R'].map(r => h('option', { value: r, selected: current.rating === r }, t(`rating.${r}`))));
      const comment = h('textarea', { id: `comment-${parameter}`, name: `comment-${parameter}`, rows: 2 });
      comment.value = current.comment ?? '';
      ratings.set(parameter, { select, comment });
      return h('fieldset', { className: 'parameter' }, h('legend', {}, t(`rep.param.${parameter}`)),
        h('div', { className: 'field' }, h('label', { for: `rating-${parameter}` }, t('rep.rating')), select),
        h('div', { className: 'field' }, h('label', { for: `comment-${parameter}` }, t('rep.comment')), comment));
    });
    const [resultsField, results] = area('report-results', t('rep.results'), c.results.map(line).join('\n'), t('rep.resultsHint'));
    const [plannedField, planned] = area('report-planned', t('rep.planned'), c.plannedActions.map(line).join('\n'), t('rep.oneLine'));
    const [userField, user] = area('report-user', t('rep.userPerspective'), c.userPerspective ?? '');
    const [risksField, risks] = area('report-risks', t('rep.risks'), c.risks.join('\n'), t('rep.oneLine'));
    const [questionsField, questions] = area('report-questions', t('rep.questions'), c.openQuestions.join('\n'), t('rep.oneLine'));

    const content = () => ({
      ...report.content,
      parameters: PARAMETERS.map(parameter => ({
        parameter,
        rating: ratings.get(parameter).select.value || null,
        comment: ratings.get(parameter).comment.value.trim() || null,
      })),
      results: items(results.value, report.content.results),
      plannedActions: items(planned.value, report.content.plannedActions),
      userPerspective: user.value.trim() || null,
      risks: lines(risks.value),
      openQuestions: lines(questions.value),
    });

    const save = async () => {
      const saved = await api('PUT', path, { title: report.title, content: content() }, etag);
      report = saved.data;
      etag = saved.etag;
      dirty = false;
    };
    const fail = error => {
      status.replaceChildren(error.status === 409 ? h('div', { className: 'error', role: 'alert', tabindex: '-1' }, h('p', {}, t('rep.stale')))
        : errorBox(error));
      status.firstChild.focus();
    };
    const form = h('form', { id: 'report-form', novalidate: true },
      status,
      section('rep-parameters', t('rep.parameters'), h('div', { className: 'parameters' }, parameterFields)),
      section('rep-results', t('rep.results'), resultsField),
      section('rep-planned', t('rep.planned'), plannedField),
      section('rep-user', t('rep.userPerspective'), userField),
      section('rep-milestones', t('rep.milestones'), milestoneTable(c.milestones)),
      section('rep-risks', t('rep.risks'), risksField),
      section('rep-questions', t('rep.questions'), questionsField),
      h('div', { className: 'form-actions' },
        h('button', { type: 'submit', className: 'primary', id: 'save-report' }, t('rep.save')),
        h('button', { type: 'button', id: 'submit-report', onClick: async () => {
          try {
            await save();
            const submitted = await api('POST', `${path}/submission`, undefined, etag);
            report = submitted.data;
            etag = submitted.etag;
            show();
            announce(t('rep.submitted'));
            main.querySelector('h1').focus();
          } catch (error) {
            fail(error);
          }
        } }, t('rep.submit'))));
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await save();
        status.replaceChildren(h('p', { className: 'success', role: 'status' }, t('rep.saved')));
      } catch (error) {
        fail(error);
      }
    });
    return form;
  }

  show();
  return {
    async onChange(change) {
      if (change.aggregateId !== report.reportId || dirty) {
        return;
      }
      const fresh = await api('GET', path).catch(() => null);
      if (fresh && fresh.etag !== etag) {
        report = fresh.data;
        etag = fresh.etag;
        show();
        announce(t('live.changed', { what: change.type }));
      }
    },
  };
}

/** An item as one editable line: "Heading: text" when it has a heading. */
function line(item) {
  return item.group ? `${item.group}: ${item.text}` : item.text;
}

function lines(text) {
  return text.split('\n').map(l => l.trim()).filter(Boolean);
}

/** Lines back to items; a line left as it was keeps its link to the activity it was drafted from. */
function items(text, previous) {
  const byLine = new Map(previous.map(item => [line(item), item]));
  return lines(text).map(l => {
    if (byLine.has(l)) {
      return byLine.get(l);
    }
    const match = l.match(/^([^:]{1,80}):\s+(.+)$/);
    return match ? { text: match[2], group: match[1].trim() } : { text: l, group: null };
  });
}

function grouped(items) {
  if (items.length === 0) {
    return list([]);
  }
  const groups = new Map();
  items.forEach(item => groups.set(item.group ?? '', [...(groups.get(item.group ?? '') ?? []), item]));
  return [...groups.entries()].map(([group, entries]) => h('div', {},
    group ? h('h3', {}, group) : null, list(entries.map(e => e.date ? `${e.text} (${formatDate(e.date)})` : e.text))));
}

function milestoneTable(milestones) {
  if (!milestones.length) {
    return list([]);
  }
  return table(t('rep.milestones'), [t('ms.name'), t('ms.target'), t('ms.forecast'), t('ms.status')],
    milestones.map(m => [m.name, formatDate(m.targetDate) || '?',
      [formatDate(m.forecastDate) || '?', ...(m.moves ?? []).map(move =>
        h('span', { className: 'move' }, h('br'), t('rep.moved', { from: formatDate(move.previousDate) || '?', to: formatDate(move.newDate) || '?' }),
          move.reason ? ` – ${move.reason}` : ''))],
      ratingBadge(m.status)]), { rowHeaders: true, hideCaption: true });
}
