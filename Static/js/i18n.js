// UI strings, one catalogue per language. Every key must exist in every catalogue.

export const catalogues = {
  nl: {
    'app.name': 'Samenspel',
    'loading': 'Laden…',
    'error.load': 'Kan de sessie niet laden: {message}',
    'error.retrying': 'Geen verbinding met de server. Opnieuw proberen…',
    'status.live': 'Live',
    'status.reconnecting': 'Verbinding herstellen…',
    'phase.open': 'Open voor notities',
    'phase.closed': 'Gesloten',
    'notes.one': '{n} notitie',
    'notes.other': '{n} notities',
    'lang.label': 'Taal',
    'join.pick': 'Kies je groep',
    'join.pickHint': 'Tik op de groep waar je in zit.',
    'join.switch': 'Andere groep',
    'join.yourGroup': 'Jouw groep',
    'join.label': 'Jullie antwoord',
    'join.placeholder': 'Typ een korte notitie…',
    'join.send': 'Versturen',
    'join.counter': '{n} / {max}',
    'join.tooLong': 'Te lang: maximaal {max} tekens.',
    'join.closed': 'De trainer heeft inzenden gesloten. Je kunt geen notities meer toevoegen.',
    'join.mine': 'Jullie notities',
    'join.empty': 'Nog geen notities. Schrijf de eerste!',
    'join.waiting': 'Wacht op verzending',
    'join.sending': 'Wordt verstuurd…',
    'join.sent': 'Verstuurd',
    'join.edit': 'Bewerken',
    'join.save': 'Opslaan',
    'join.cancel': 'Annuleren',
    'join.delete': 'Verwijderen',
    'join.confirmDelete': 'Deze notitie verwijderen?',
    'join.confirmYes': 'Ja, verwijderen',
    'join.editLabel': 'Notitie bewerken',
    'join.offline': 'Geen verbinding. Je notities worden verstuurd zodra het weer kan.',
    'join.newSession': 'Er is een nieuwe sessie gestart. Kies opnieuw je groep.',
    'board.empty': 'Nog geen notities',
    'board.scan': 'Scan om mee te doen',
    'board.orGo': 'of ga naar',
    'board.qrAlt': 'QR-code om mee te doen via {url}',
    'board.keys': 'B briefing · Q QR-code · F volledig scherm · T licht/donker',
    'board.briefing': 'Briefing',
    'board.slide': 'Dia {n} van {total}',
    'board.noBriefing': 'Deze workshop heeft geen briefing.',
    'board.slideKeys': '← → bladeren · B terug naar het bord',
    'board.groups': 'Groepen',
    'trainer.title': 'Trainer',
    'trainer.noAccess': 'Geen toegang. Open de trainerlink die in de terminal staat (Trainer: http://…/trainer?token=…).',
    'trainer.current': 'Huidige sessie',
    'trainer.started': 'Gestart {date}',
    'trainer.total': 'Totaal',
    'trainer.open': 'Open inzendingen',
    'trainer.close': 'Sluit inzendingen',
    'trainer.openHint': 'Groepen kunnen nu notities sturen.',
    'trainer.closedHint': 'Groepen kunnen geen notities meer sturen.',
    'trainer.screens': 'Schermen',
    'trainer.linkBoard': 'Bord voor de projector',
    'trainer.linkJoin': 'Deelnamepagina (telefoons)',
    'trainer.linkSummary': 'Samenvatting',
    'trainer.joinUrl': 'Deelnemen via',
    'trainer.new': 'Nieuwe sessie',
    'trainer.newHint': 'Telefoons kiezen daarna opnieuw een groep. Eerdere sessies blijven bewaard.',
    'trainer.workshop': 'Workshop',
    'trainer.start': 'Start nieuwe sessie',
    'trainer.confirmNew': 'Nieuwe sessie starten met “{title}”?',
    'trainer.confirmYes': 'Ja, start',
    'trainer.cancel': 'Annuleren',
    'trainer.past': 'Sessies',
    'trainer.colDate': 'Datum',
    'trainer.colWorkshop': 'Workshop',
    'trainer.colPhase': 'Status',
    'trainer.colNotes': 'Notities',
    'trainer.currentMark': 'huidig',
    'summary.title': 'Samenvatting',
    'summary.print': 'Afdrukken',
    'summary.question': 'Vraag',
    'summary.empty': 'Geen notities',
    'summary.total': '{notes} van {groups} groepen',
  },
  en: {
    'app.name': 'Samenspel',
    'loading': 'Loading…',
    'error.load': 'Could not load the session: {message}',
    'error.retrying': 'No connection to the server. Trying again…',
    'status.live': 'Live',
    'status.reconnecting': 'Reconnecting…',
    'phase.open': 'Open for notes',
    'phase.closed': 'Closed',
    'notes.one': '{n} note',
    'notes.other': '{n} notes',
    'lang.label': 'Language',
    'join.pick': 'Choose your group',
    'join.pickHint': 'Tap the group you are in.',
    'join.switch': 'Other group',
    'join.yourGroup': 'Your group',
    'join.label': 'Your answer',
    'join.placeholder': 'Type a short note…',
    'join.send': 'Send',
    'join.counter': '{n} / {max}',
    'join.tooLong': 'Too long: at most {max} characters.',
    'join.closed': 'The trainer has closed submissions. You can no longer add notes.',
    'join.mine': 'Your notes',
    'join.empty': 'No notes yet. Write the first one!',
    'join.waiting': 'Waiting to send',
    'join.sending': 'Sending…',
    'join.sent': 'Sent',
    'join.edit': 'Edit',
    'join.save': 'Save',
    'join.cancel': 'Cancel',
    'join.delete': 'Delete',
    'join.confirmDelete': 'Delete this note?',
    'join.confirmYes': 'Yes, delete',
    'join.editLabel': 'Edit note',
    'join.offline': 'No connection. Your notes will be sent as soon as possible.',
    'join.newSession': 'A new session has started. Please choose your group again.',
    'board.empty': 'No notes yet',
    'board.scan': 'Scan to join',
    'board.orGo': 'or go to',
    'board.qrAlt': 'QR code to join via {url}',
    'board.keys': 'B briefing · Q QR code · F fullscreen · T light/dark',
    'board.briefing': 'Briefing',
    'board.slide': 'Slide {n} of {total}',
    'board.noBriefing': 'This workshop has no briefing.',
    'board.slideKeys': '← → page · B back to the board',
    'board.groups': 'Groups',
    'trainer.title': 'Trainer',
    'trainer.noAccess': 'No access. Open the trainer link printed in the terminal (Trainer: http://…/trainer?token=…).',
    'trainer.current': 'Current session',
    'trainer.started': 'Started {date}',
    'trainer.total': 'Total',
    'trainer.open': 'Open submissions',
    'trainer.close': 'Close submissions',
    'trainer.openHint': 'Groups can send notes now.',
    'trainer.closedHint': 'Groups can no longer send notes.',
    'trainer.screens': 'Screens',
    'trainer.linkBoard': 'Board for the projector',
    'trainer.linkJoin': 'Join page (phones)',
    'trainer.linkSummary': 'Summary',
    'trainer.joinUrl': 'Join via',
    'trainer.new': 'New session',
    'trainer.newHint': 'Phones will choose their group again. Earlier sessions stay stored.',
    'trainer.workshop': 'Workshop',
    'trainer.start': 'Start new session',
    'trainer.confirmNew': 'Start a new session with “{title}”?',
    'trainer.confirmYes': 'Yes, start',
    'trainer.cancel': 'Cancel',
    'trainer.past': 'Sessions',
    'trainer.colDate': 'Date',
    'trainer.colWorkshop': 'Workshop',
    'trainer.colPhase': 'Status',
    'trainer.colNotes': 'Notes',
    'trainer.currentMark': 'current',
    'summary.title': 'Summary',
    'summary.print': 'Print',
    'summary.question': 'Question',
    'summary.empty': 'No notes',
    'summary.total': '{notes} from {groups} groups',
  },
};

export const languages = Object.keys(catalogues);
let current = 'nl';

export function language() { return current; }

/** Picks the catalogue ('nl-BE' → 'nl'; unknown → 'en') and sets <html lang>. */
export function setLanguage(lang) {
  const base = String(lang || '').toLowerCase().split('-')[0];
  current = catalogues[base] ? base : 'en';
  document.documentElement.lang = current;
  return current;
}

/** t('join.counter', {n: 3, max: 500}) → '3 / 500'. Falls back to English, then the key. */
export function t(key, vars = {}) {
  const template = catalogues[current][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Plural: tn('notes', 3) uses 'notes.one' or 'notes.other'. */
export function tn(key, n, vars = {}) {
  return t(`${key}.${n === 1 ? 'one' : 'other'}`, { n, ...vars });
}

/** Fills static markup: data-i18n (text), data-i18n-placeholder, -aria-label, -title. */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
    const data = `i18n${attr.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())}`;
    for (const node of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      node.setAttribute(attr, t(node.dataset[data]));
    }
  }
}
