// Every text of the dashboard in Swedish (the default) and English. Dates stay ISO (2026-11-22) and
// money Swedish (300 000 kr) in both languages: that is how the associations' documents write them.
const texts = {
  sv: {
    'members.title': 'Medlemmar', 'members.list': 'Förbundets medlemmar', 'members.caption': 'Medlemmar ({count})',
    'members.notRegistered': 'Förbundet finns inte i medlemsregistret ännu. En plattformsadministratör registrerar det.',
    'members.name': 'Namn', 'members.email': 'E-post', 'members.roles': 'Roller', 'members.status': 'Status',
    'members.language': 'Språk för inbjudan', 'members.change': 'Ändra',
    'members.status.INVITED': 'Inbjuden', 'members.status.ACTIVE': 'Aktiv',
    'members.invite': 'Bjud in en person', 'members.invited': '{name} är inbjuden.',
    'members.rolesOf': 'Roller för {name}', 'members.saveRoles': 'Spara roller', 'members.rolesSaved': 'Rollerna för {name} är sparade.',
    'members.remove': 'Ta bort', 'members.removeNamed': 'Ta bort {name}', 'members.confirmRemove': 'Ta bort {name} ur förbundet?',
    'members.removed': '{name} är borttagen.',
    'role.association-admin': 'Förbundsadministratör', 'role.plan-owner': 'Planägare', 'role.communicator': 'Kommunikatör',
    'role.contributor': 'Medarbetare', 'role.reader': 'Läsare', 'role.platform-admin': 'Plattformsadministratör',
    'nav.members': 'Medlemmar',
    'app.loading': 'Laddar…', 'app.skip': 'Hoppa till innehållet', 'app.menu': 'Huvudmeny',
    'app.language': 'English', 'app.languageName': 'en',
    'nav.overview': 'Översikt', 'nav.portfolio': 'Portfölj', 'nav.logout': 'Logga ut',
    'session.as': 'Inloggad som {user} ({association})',
    'login.title': 'Logga in', 'login.user': 'Användarnamn', 'login.password': 'Lösenord', 'login.submit': 'Logga in',
    'login.demoUsers': 'Demoanvändare', 'login.devHint': 'Utvecklingsinloggning: lösenordet står i README.',
    'login.oidc': 'Logga in med organisationens konto', 'login.failed': 'Fel användarnamn eller lösenord.',
    'overview.title': 'Översikt', 'overview.plans': 'Förbundets planer', 'overview.none': 'Förbundet har inga planer ännu.',
    'portfolio.title': 'Portfölj', 'portfolio.caption': 'Egna planer och planer som partnerförbund delar med er',
    'col.plan': 'Plan', 'col.association': 'Förbund', 'col.planStatus': 'Planstatus', 'col.overall': 'Övergripande',
    'col.nextMilestone': 'Nästa milstolpe', 'col.overdue': 'Försenade aktiviteter', 'col.reportDue': 'Nästa rapport',
    'col.access': 'Åtkomst', 'col.latestReport': 'Senaste rapport',
    'access.OWNER': 'Egen', 'access.READ': 'Läsa', 'access.CONTRIBUTE': 'Bidra',
    'planStatus.DRAFT': 'Utkast', 'planStatus.PRESENTED': 'Presenterad', 'planStatus.DECIDED': 'Beslutad',
    'planStatus.REVISING': 'Under revidering', 'planStatus.CLOSED': 'Avslutad',
    'rating.G': 'Grönt – inga frågor', 'rating.O': 'Orange – några frågor', 'rating.R': 'Rött – större frågor',
    'rating.none': 'Ej bedömd',
    'report.due': '{title}, senast {date}', 'report.overdue': 'försenad', 'report.noneDue': 'Ingen rapport väntar',
    'milestone.none': 'Ingen kommande milstolpe', 'milestone.slip': '{days} dagar sen', 'milestone.early': '{days} dagar före',
    'milestone.unknownDate': 'okänt datum',
    'plan.period': 'Period', 'plan.owner': 'Ansvarig', 'plan.status': 'Status', 'plan.version': 'Version',
    'plan.exportPdf': 'Planen som PDF', 'plan.sections': 'Innehåll',
    'plan.goals': 'Mål', 'plan.audiences': 'Målgrupper: veta, känna, göra', 'plan.targetGroups': 'Målgrupper',
    'plan.channels': 'Kanaler', 'plan.keyMessages': 'Budskap', 'plan.risks': 'Risker', 'plan.matrix': 'Intressentmatris',
    'plan.milestones': 'Milstolpar', 'plan.activities': 'Aktivitetsplan', 'plan.calendar': 'Kalender',
    'plan.completion': 'Genomförande per månad', 'plan.reports': 'Statusrapporter', 'plan.partners': 'Partnerförbund',
    'plan.empty': 'Inget angivet.', 'plan.notFound': 'Planen finns inte eller är inte delad med er.',
    'audience.name': 'Målgrupp', 'audience.know': 'Veta', 'audience.feel': 'Känna', 'audience.act': 'Göra',
    'risk.description': 'Risk', 'risk.consequence': 'Konsekvens', 'risk.mitigation': 'Åtgärd',
    'matrix.stakeholder': 'Intressent', 'matrix.legend': 'D = deltar, E = erhåller, P = påverkar',
    'ms.name': 'Milstolpe', 'ms.target': 'Måldatum', 'ms.forecast': 'Prognos', 'ms.status': 'Status', 'ms.slip': 'Avvikelse',
    'slip.title': 'Milstolparnas glidning', 'slip.desc': 'Prognosdatum för varje milstolpe vid varje ändring; streckad linje är måldatum.',
    'slip.table': 'Prognosändringar', 'slip.when': 'Ändrad', 'slip.from': 'Från', 'slip.to': 'Till', 'slip.reason': 'Skäl',
    'slip.change': 'Ändring', 'slip.none': 'Inga milstolpar med datum ännu.',
    'slip.kind.ADDED': 'Tillagd', 'slip.kind.FORECAST': 'Prognos flyttad', 'slip.kind.TARGET': 'Måldatum ändrat',
    'slip.kind.STATUS': 'Status ändrad',
    'act.title': 'Aktivitet', 'act.when': 'När', 'act.responsible': 'Ansvarig', 'act.status': 'Status', 'act.budget': 'Budget',
    'act.actions': 'Åtgärder', 'act.none': 'Inga aktiviteter ännu.', 'act.add': 'Lägg till aktivitet', 'act.save': 'Spara',
    'act.cancel': 'Avbryt', 'act.edit': 'Ändra', 'act.complete': 'Markera klar', 'act.editTitle': 'Ändra: {title}',
    'act.completeTitle': 'Markera klar: {title}', 'act.kind': 'Typ av tidpunkt', 'act.date': 'Datum', 'act.month': 'Månad',
    'act.whenText': 'Beskrivning', 'act.added': 'Aktiviteten {title} är tillagd.', 'act.saved': 'Ändringen är sparad.',
    'act.completed': '{title} är markerad som klar.', 'act.budgetSek': 'Budget (kr)', 'act.channel': 'Kanal',
    'sched.DATE': 'Datum', 'sched.MONTH': 'Månad', 'sched.ONGOING': 'Löpande', 'sched.MILESTONE': 'Inför milstolpe',
    'sched.RECURRING': 'Återkommande', 'sched.PER_MEMBER': 'Per medlemsorganisation',
    'occ.PLANNED': 'Planerad', 'occ.IN_PROGRESS': 'Pågår', 'occ.DONE': 'Klar', 'occ.POSTPONED': 'Uppskjuten',
    'occ.CANCELLED': 'Inställd', 'occ.overdue': 'försenad',
    'cal.previous': 'Föregående månad', 'cal.next': 'Nästa månad', 'cal.week': 'Vecka',
    'cal.days': ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'],
    'cal.daysShort': ['Mån', 'Tis', 'Ons', 'Tor', 'Fre', 'Lör', 'Sön'],
    'cal.none': 'Inga aktiviteter den här månaden.',
    'stat.month': 'Månad', 'stat.planned': 'Planerade', 'stat.done': 'Klara', 'stat.overdue': 'Försenade',
    'stat.cancelled': 'Inställda', 'stat.budget': 'Budget', 'stat.spent': 'Utfall',
    'stat.desc': 'Planerade och genomförda aktivitetstillfällen per månad.',
    'rep.open': 'Öppna rapport för period', 'rep.period': 'Period (t.ex. 2021-12, 2021-Q4 eller final)',
    'rep.create': 'Skapa utkast', 'rep.none': 'Inga statusrapporter ännu.', 'rep.title': 'Rapport', 'rep.status': 'Status',
    'rep.overall': 'Övergripande', 'rep.status.DRAFT': 'Utkast', 'rep.status.SUBMITTED': 'Inlämnad',
    'rep.status.NOT_STARTED': 'Ej påbörjad',
    'rep.periodLabel': 'Period', 'rep.recipient': 'Mottagare', 'rep.results': 'Resultat', 'rep.planned': 'Planerade åtgärder',
    'rep.userPerspective': 'Användarperspektiv och horisontella principer', 'rep.parameters': 'Projektparametrar',
    'rep.parameter': 'Parameter', 'rep.rating': 'Bedömning', 'rep.comment': 'Kommentar', 'rep.milestones': 'Projektmilstolpar',
    'rep.risks': 'Risker / utmaningar / förändringar', 'rep.questions': 'Öppna frågor', 'rep.oneLine': 'En punkt per rad.',
    'rep.resultsHint': 'En punkt per rad. Skriv "Rubrik: text" för att gruppera under en rubrik.',
    'rep.save': 'Spara utkast', 'rep.submit': 'Lämna in', 'rep.saved': 'Utkastet är sparat.', 'rep.submitted': 'Rapporten är inlämnad.',
    'rep.frozen': 'Rapporten är inlämnad och kan inte ändras.', 'rep.exportPdf': 'Rapporten som PDF', 'rep.back': 'Tillbaka till planen',
    'rep.stale': 'Någon annan har ändrat rapporten. Ladda om sidan och gör ändringen igen.',
    'rep.param.BUDGET': 'Budget', 'rep.param.TIMELINE': 'Tidslinje', 'rep.param.RISK_MANAGEMENT': 'Riskhantering',
    'rep.param.STAKEHOLDER_ENGAGEMENT': 'Engagemang med berörda aktörer', 'rep.param.OVERALL': 'Övergripande',
    'rep.moved': 'flyttad {from} → {to}', 'rep.submittedAt': 'Inlämnad {date}',
    'error.title': 'Det gick inte', 'error.fields': 'Rätta följande:', 'error.notFound': 'Sidan finns inte.',
    'error.forbidden': 'Du har inte behörighet till det här.', 'error.generic': 'Något gick fel ({status}).',
    'error.network': 'Servern svarar inte. Försök igen om en stund.',
    'live.changed': 'Sidan uppdaterades: {what}.', 'live.connected': 'Direktuppdatering på',
    'live.offline': 'Direktuppdatering bruten, försöker igen',
    'required': 'obligatoriskt',
  },
  en: {
    'members.title': 'Members', 'members.list': "The association's members", 'members.caption': 'Members ({count})',
    'members.notRegistered': 'The association is not in the member register yet. A platform administrator registers it.',
    'members.name': 'Name', 'members.email': 'Email', 'members.roles': 'Roles', 'members.status': 'Status',
    'members.language': 'Language of the invitation', 'members.change': 'Change',
    'members.status.INVITED': 'Invited', 'members.status.ACTIVE': 'Active',
    'members.invite': 'Invite a person', 'members.invited': '{name} is invited.',
    'members.rolesOf': 'Roles of {name}', 'members.saveRoles': 'Save roles', 'members.rolesSaved': 'The roles of {name} are saved.',
    'members.remove': 'Remove', 'members.removeNamed': 'Remove {name}', 'members.confirmRemove': 'Remove {name} from the association?',
    'members.removed': '{name} is removed.',
    'role.association-admin': 'Association admin', 'role.plan-owner': 'Plan owner', 'role.communicator': 'Communicator',
    'role.contributor': 'Contributor', 'role.reader': 'Reader', 'role.platform-admin': 'Platform admin',
    'nav.members': 'Members',
    'app.loading': 'Loading…', 'app.skip': 'Skip to content', 'app.menu': 'Main menu',
    'app.language': 'Svenska', 'app.languageName': 'sv',
    'nav.overview': 'Overview', 'nav.portfolio': 'Portfolio', 'nav.logout': 'Log out',
    'session.as': 'Logged in as {user} ({association})',
    'login.title': 'Log in', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Log in',
    'login.demoUsers': 'Demo users', 'login.devHint': 'Development login: the password is in the README.',
    'login.oidc': "Log in with your organisation's account", 'login.failed': 'Wrong user name or password.',
    'overview.title': 'Overview', 'overview.plans': "The association's plans", 'overview.none': 'The association has no plans yet.',
    'portfolio.title': 'Portfolio', 'portfolio.caption': 'Your plans and the plans partner associations share with you',
    'col.plan': 'Plan', 'col.association': 'Association', 'col.planStatus': 'Plan status', 'col.overall': 'Overall',
    'col.nextMilestone': 'Next milestone', 'col.overdue': 'Overdue activities', 'col.reportDue': 'Next report',
    'col.access': 'Access', 'col.latestReport': 'Latest report',
    'access.OWNER': 'Own', 'access.READ': 'Read', 'access.CONTRIBUTE': 'Contribute',
    'planStatus.DRAFT': 'Draft', 'planStatus.PRESENTED': 'Presented', 'planStatus.DECIDED': 'Decided',
    'planStatus.REVISING': 'Being revised', 'planStatus.CLOSED': 'Closed',
    'rating.G': 'Green – no issues', 'rating.O': 'Orange – some issues', 'rating.R': 'Red – major issues',
    'rating.none': 'Not rated',
    'report.due': '{title}, due {date}', 'report.overdue': 'overdue', 'report.noneDue': 'No report waiting',
    'milestone.none': 'No coming milestone', 'milestone.slip': '{days} days late', 'milestone.early': '{days} days early',
    'milestone.unknownDate': 'unknown date',
    'plan.period': 'Period', 'plan.owner': 'Owner', 'plan.status': 'Status', 'plan.version': 'Version',
    'plan.exportPdf': 'The plan as PDF', 'plan.sections': 'Contents',
    'plan.goals': 'Goals', 'plan.audiences': 'Audiences: know, feel, act', 'plan.targetGroups': 'Target groups',
    'plan.channels': 'Channels', 'plan.keyMessages': 'Key messages', 'plan.risks': 'Risks', 'plan.matrix': 'Stakeholder matrix',
    'plan.milestones': 'Milestones', 'plan.activities': 'Activity plan', 'plan.calendar': 'Calendar',
    'plan.completion': 'Completion per month', 'plan.reports': 'Status reports', 'plan.partners': 'Partner associations',
    'plan.empty': 'Nothing given.', 'plan.notFound': 'The plan does not exist or is not shared with you.',
    'audience.name': 'Audience', 'audience.know': 'Know', 'audience.feel': 'Feel', 'audience.act': 'Act',
    'risk.description': 'Risk', 'risk.consequence': 'Consequence', 'risk.mitigation': 'Mitigation',
    'matrix.stakeholder': 'Stakeholder', 'matrix.legend': 'D = takes part, E = receives, P = influences',
    'ms.name': 'Milestone', 'ms.target': 'Target date', 'ms.forecast': 'Forecast', 'ms.status': 'Status', 'ms.slip': 'Deviation',
    'slip.title': 'Milestone slippage', 'slip.desc': "Each milestone's forecast date at every change; the dashed line is its target date.",
    'slip.table': 'Forecast changes', 'slip.when': 'Changed', 'slip.from': 'From', 'slip.to': 'To', 'slip.reason': 'Reason',
    'slip.change': 'Change', 'slip.none': 'No milestones with dates yet.',
    'slip.kind.ADDED': 'Added', 'slip.kind.FORECAST': 'Forecast moved', 'slip.kind.TARGET': 'Target changed',
    'slip.kind.STATUS': 'Status changed',
    'act.title': 'Activity', 'act.when': 'When', 'act.responsible': 'Responsible', 'act.status': 'Status', 'act.budget': 'Budget',
    'act.actions': 'Actions', 'act.none': 'No activities yet.', 'act.add': 'Add activity', 'act.save': 'Save',
    'act.cancel': 'Cancel', 'act.edit': 'Edit', 'act.complete': 'Mark done', 'act.editTitle': 'Edit: {title}',
    'act.completeTitle': 'Mark done: {title}', 'act.kind': 'Kind of time', 'act.date': 'Date', 'act.month': 'Month',
    'act.whenText': 'Description', 'act.added': 'The activity {title} was added.', 'act.saved': 'The change is saved.',
    'act.completed': '{title} is marked done.', 'act.budgetSek': 'Budget (SEK)', 'act.channel': 'Channel',
    'sched.DATE': 'Date', 'sched.MONTH': 'Month', 'sched.ONGOING': 'Ongoing', 'sched.MILESTONE': 'Before a milestone',
    'sched.RECURRING': 'Recurring', 'sched.PER_MEMBER': 'Per member organisation',
    'occ.PLANNED': 'Planned', 'occ.IN_PROGRESS': 'In progress', 'occ.DONE': 'Done', 'occ.POSTPONED': 'Postponed',
    'occ.CANCELLED': 'Cancelled', 'occ.overdue': 'overdue',
    'cal.previous': 'Previous month', 'cal.next': 'Next month', 'cal.week': 'Week',
    'cal.days': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    'cal.daysShort': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    'cal.none': 'No activities this month.',
    'stat.month': 'Month', 'stat.planned': 'Planned', 'stat.done': 'Done', 'stat.overdue': 'Overdue',
    'stat.cancelled': 'Cancelled', 'stat.budget': 'Budget', 'stat.spent': 'Spent',
    'stat.desc': 'Activity occurrences planned and done per month.',
    'rep.open': 'Open a report for a period', 'rep.period': 'Period (e.g. 2021-12, 2021-Q4 or final)',
    'rep.create': 'Create draft', 'rep.none': 'No status reports yet.', 'rep.title': 'Report', 'rep.status': 'Status',
    'rep.overall': 'Overall', 'rep.status.DRAFT': 'Draft', 'rep.status.SUBMITTED': 'Submitted',
    'rep.status.NOT_STARTED': 'Not started',
    'rep.periodLabel': 'Period', 'rep.recipient': 'Recipient', 'rep.results': 'Results', 'rep.planned': 'Planned actions',
    'rep.userPerspective': 'User perspective and horizontal principles', 'rep.parameters': 'Project parameters',
    'rep.parameter': 'Parameter', 'rep.rating': 'Rating', 'rep.comment': 'Comment', 'rep.milestones': 'Project milestones',
    'rep.risks': 'Risks / challenges / changes', 'rep.questions': 'Open questions', 'rep.oneLine': 'One item per line.',
    'rep.resultsHint': 'One item per line. Write "Heading: text" to group under a heading.',
    'rep.save': 'Save draft', 'rep.submit': 'Submit', 'rep.saved': 'The draft is saved.', 'rep.submitted': 'The report is submitted.',
    'rep.frozen': 'The report is submitted and cannot be changed.', 'rep.exportPdf': 'The report as PDF', 'rep.back': 'Back to the plan',
    'rep.stale': 'Someone else changed the report. Reload the page and make the change again.',
    'rep.param.BUDGET': 'Budget', 'rep.param.TIMELINE': 'Timeline', 'rep.param.RISK_MANAGEMENT': 'Risk management',
    'rep.param.STAKEHOLDER_ENGAGEMENT': 'Stakeholder engagement', 'rep.param.OVERALL': 'Overall',
    'rep.moved': 'moved {from} → {to}', 'rep.submittedAt': 'Submitted {date}',
    'error.title': 'That did not work', 'error.fields': 'Please correct:', 'error.notFound': 'The page does not exist.',
    'error.forbidden': 'You are not allowed to do this.', 'error.generic': 'Something went wrong ({status}).',
    'error.network': 'The server does not answer. Try again in a moment.',
    'live.changed': 'The page was updated: {what}.', 'live.connected': 'Live updates on',
    'live.offline': 'Live updates interrupted, retrying',
    'required': 'required',
  },
};

const KEY = 'samplan.language';

export function language() {
  const chosen = localStorage.getItem(KEY);
  return chosen === 'en' ? 'en' : 'sv';
}

export function setLanguage(lang) {
  localStorage.setItem(KEY, lang === 'en' ? 'en' : 'sv');
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = texts[language()][key] ?? texts.sv[key] ?? key;
  if (typeof text !== 'string') {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

const money = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('sv-SE');

/** 300 000 kr, as the associations write it. */
export function formatMoney(amount) {
  return amount === null || amount === undefined ? '' : money.format(Number(amount));
}

export function formatNumber(value) {
  return number.format(value);
}

/** ISO dates as they are (2026-11-22); an instant as its Swedish local date and time. */
export function formatDate(iso) {
  return iso ?? '';
}

/** An instant as its date and time in Sweden: 2026-11-22 14:05. */
export function formatInstant(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
}

export function monthName(yearMonth) {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString(language() === 'en' ? 'en-GB' : 'sv-SE',
    { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
