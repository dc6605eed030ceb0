/* Postmottak web inbox. Plain JavaScript, no build step. Data is only ever inserted with textContent. */
'use strict';

const API = '/postmottak/api';
/** How often a call asks again while Postmottak starts (about a second apart). */
const API_STARTING_ATTEMPTS = 60;
const STATES = {
  RECEIVED: 'Mottatt', ARCHIVING: 'Arkiveres', ARCHIVE_FAILED: 'Arkivering feilet',
  ARCHIVED: 'Arkivert', DELETED: 'Slettet', FORWARDED: 'Videresendt'
};
const CHANNELS = { SVARINN: 'SvarUt', EFORMIDLING: 'eFormidling' };
const ACTIONS = {
  received: 'Mottatt', archive: 'Arkivering startet', archived: 'Arkivert', 'archive-failed': 'Arkivering feilet',
  delete: 'Slettet', forward: 'Videresendt', purge: 'Innhold fjernet', view: 'Vist', download: 'Lastet ned'
};
let me = null;

function $(id) { return document.getElementById(id); }

/** Creates an element; children are nodes or text (never HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString('nb-NO', { dateStyle: 'short', timeStyle: 'short' }) : '';
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + ' kB';
  return (bytes / 1024 / 1024).toFixed(1).replace('.', ',') + ' MB';
}

function show(message, kind) {
  const m = $('message');
  m.hidden = !message;
  m.className = 'message ' + (kind || '');
  m.textContent = message || '';
}

/** Calls the JSON API; state-changing calls carry the session's CSRF token. */
async function api(path, options) {
  const opts = options || {};
  const headers = { 'Accept': 'application/json' };
  if (opts.method && opts.method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = me ? me.csrfToken : '';
  }
  let r, body, waited = false;
  for (let attempt = 1; ; attempt++) {
    r = await fetch(path.startsWith('/') ? path : API + '/' + path, {
      method: opts.method || 'GET', headers, credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
    });
    if (r.status === 401) {
      window.location.href = 'login.html';
      throw new Error('Du er ikke innlogget');
    }
    body = r.status === 204 ? {} : await r.json().catch(() => ({}));
    // While Postmottak starts, the pages answer before the API does (503, starting): nothing was done, ask again.
    if (!(r.status === 503 && body.starting) || attempt >= API_STARTING_ATTEMPTS) break;
    show(body.error);
    waited = true;
    await new Promise(resolve => setTimeout(resolve, 1000 * (Number(r.headers.get('Retry-After')) || 1)));
  }
  if (waited && r.ok) show('');
  if (!r.ok) {
    const e = new Error(body.error || ('Feil ' + r.status));
    e.status = r.status;
    e.retryable = !!body.retryable;
    throw e;
  }
  return body;
}

async function header() {
  me = await api('me');
  $('user-name').textContent = me.user;
  $('nav-admin').hidden = !me.admin;
  $('logout').addEventListener('click', async () => {
    await api('/postmottak/logout', { method: 'POST', body: {} }).catch(() => null);
    window.location.href = 'login.html';
  });
}

function stateBadge(item) {
  const span = el('span', { class: 'state state-' + item.state }, STATES[item.state] || item.state);
  if (item.untouched) {
    return el('span', {}, span, ' ', el('span', { class: 'badge', title: 'Ingen har behandlet elementet på over 2 timer' }, 'Over 2 t'));
  }
  return span;
}

/* ---------- login ---------- */
function loginPage() {
  const error = new URLSearchParams(window.location.search).get('feil');
  if (error) {
    const p = $('login-error');
    p.hidden = false;
    p.textContent = error === 'tilgang'
      ? 'Brukeren din har ikke tilgang til postmottaket. Kontakt en administrator.'
      : 'Feil brukernavn eller passord.';
  }
}

/* ---------- inbox ---------- */
const inbox = { cursor: null, selected: new Set(), params: null };

function filterParams() {
  const p = new URLSearchParams();
  for (const id of ['org', 'state', 'from', 'to', 'q']) {
    const v = $('f-' + id).value.trim();
    if (v) p.set(id, v);
  }
  return p;
}

async function loadPage(append) {
  const p = new URLSearchParams(inbox.params);
  p.set('limit', '50');
  if (append && inbox.cursor) p.set('cursor', inbox.cursor);
  const page = await api('items?' + p.toString());
  const rows = $('rows');
  if (!append) { rows.replaceChildren(); inbox.selected.clear(); updateSelection(); }
  for (const item of page.items) rows.append(inboxRow(item));
  inbox.cursor = page.nextCursor;
  $('more').hidden = !page.nextCursor;
  $('empty').hidden = rows.children.length > 0;
}

function inboxRow(item) {
  if (item.masked) return maskedRow(item);
  const box = el('input', { type: 'checkbox', 'aria-label': 'Velg ' + item.title });
  box.addEventListener('change', () => {
    if (box.checked) inbox.selected.add(item.id); else inbox.selected.delete(item.id);
    updateSelection();
  });
  const link = el('a', { href: 'item.html?id=' + encodeURIComponent(item.id) }, item.title || '(uten tittel)');
  return el('tr', { class: item.untouched ? 'untouched' : null, 'data-id': item.id },
    el('td', {}, box), el('td', { class: 'nowrap' }, when(item.receivedAt)), el('td', {}, item.sender.name),
    el('td', {}, link, item.confidential ? ' ' : null, item.confidential ? confidentialBadge(item) : null), el('td', {}, CHANNELS[item.channel] || item.channel),
    el('td', { class: 'num' }, String(item.documentCount)), el('td', {}, stateBadge(item)),
    el('td', { class: 'nowrap' }, item.orgnr, item.orgConfigured ? null : el('span', { class: 'badge warn', title: 'Organisasjonen er ikke konfigurert' }, '!')));
}

// A confidential item the user may not read: that it exists, when and how it came; nothing to open or select.
function maskedRow(item) {
  return el('tr', { class: 'masked' + (item.untouched ? ' untouched' : ''), 'data-id': item.id },
    el('td', {}), el('td', { class: 'nowrap' }, when(item.receivedAt)), el('td', {}, '–'),
    el('td', {}, confidentialBadge(item)), el('td', {}, CHANNELS[item.channel] || item.channel),
    el('td', { class: 'num' }, '–'), el('td', {}, stateBadge(item)), el('td', { class: 'nowrap' }, item.orgnr));
}

function confidentialBadge(item) {
  return el('span', { class: 'badge confidential', title: 'Taushetsbelagt post: bare brukere med rollen postmottak-taushet-' + item.orgnr + ' kan åpne den' }, 'Taushetsbelagt');
}

function updateSelection() {
  $('selected-count').textContent = inbox.selected.size + ' valgt';
  $('bulk-archive').disabled = inbox.selected.size === 0;
  $('bulk-delete').disabled = inbox.selected.size === 0;
  $('select-all').checked = inbox.selected.size > 0 && inbox.selected.size === $('rows').querySelectorAll('input[type=checkbox]').length;
}

async function bulk(action) {
  const ids = [...inbox.selected];
  const body = { ids };
  if (action === 'delete') {
    body.reason = $('bulk-reason').value.trim();
    if (!body.reason) { show('Skriv en begrunnelse for slettingen.', 'error'); $('bulk-reason').focus(); return; }
    if (!window.confirm('Slette ' + ids.length + ' element(er)? Innholdet fjernes og kan ikke hentes tilbake.')) return;
  }
  try {
    const r = await api('bulk/' + action, { method: 'POST', body });
    const failed = r.results.filter(x => !x.ok);
    const verb = action === 'archive' ? 'arkivert' : 'slettet';
    show(r.succeeded + ' ' + verb + (failed.length ? ', ' + failed.length + ' feilet: ' + failed.map(f => f.error).join('; ') : '.'),
      failed.length ? 'error' : 'ok');
    await loadPage(false);
  } catch (e) { show(e.message, 'error'); }
}

async function inboxPage() {
  await header();
  const orgs = $('f-org');
  for (const o of me.orgnrs) orgs.append(el('option', { value: o }, o));
  if (me.admin) orgs.options[0].textContent = 'Alle kjente';
  const url = new URLSearchParams(window.location.search);
  for (const id of ['org', 'state', 'from', 'to', 'q']) {
    if (url.has(id)) {
      const f = $('f-' + id);
      if (id === 'org' && ![...f.options].some(o => o.value === url.get(id))) f.append(el('option', { value: url.get(id) }, url.get(id)));
      f.value = url.get(id);
    }
  }
  inbox.params = filterParams();
  $('filters').addEventListener('submit', ev => {
    ev.preventDefault();
    inbox.params = filterParams();
    history.replaceState(null, '', 'inbox.html?' + inbox.params.toString());
    show('');
    loadPage(false).catch(e => show(e.message, 'error'));
  });
  $('more').addEventListener('click', () => loadPage(true).catch(e => show(e.message, 'error')));
  $('select-all').addEventListener('change', ev => {
    for (const box of $('rows').querySelectorAll('input[type=checkbox]')) {
      box.checked = ev.target.checked;
      box.dispatchEvent(new Event('change'));
    }
  });
  $('bulk-archive').addEventListener('click', () => bulk('archive'));
  $('bulk-delete').hidden = !me.mayDelete;
  $('bulk-delete').addEventListener('click', () => bulk('delete'));
  await loadPage(false).catch(e => show(e.message, 'error'));
}

/* ---------- item ---------- */
function dt(dl, label, value) {
  if (value === null || value === undefined || value === '') return;
  dl.append(el('dt', {}, label), el('dd', {}, value));
}

function partyText(p) {
  const parts = [p.name];
  if (p.orgnr) parts.push('org.nr. ' + p.orgnr);
  const address = [...p.addressLines, [p.postnr, p.poststed].filter(Boolean).join(' '), p.land].filter(Boolean);
  if (address.length) parts.push(address.join(', '));
  return parts.filter(Boolean).join(' – ');
}

function safeLink(link) {
  const text = (link.label ? link.label + ': ' : '') + (link.text || link.url);
  return /^https?:\/\//i.test(link.url)
    ? el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer' }, text)
    : el('span', {}, text + ' (' + link.url + ')');
}

function preview(doc) {
  $('preview-box').hidden = false;
  $('preview').src = doc.url;
  for (const li of $('documents').children) li.classList.toggle('current', li.dataset.index === String(doc.index));
}

function renderItem(item) {
  document.title = item.title + ' – Postmottak';
  $('title').textContent = item.title || '(uten tittel)';
  const dl = $('meta');
  dl.replaceChildren();
  dt(dl, 'Status', stateBadge(item));
  if (item.notice) dt(dl, 'Merknad', el('span', { class: 'message warn' }, ...item.notice.split('\n').flatMap((l, i) => i ? [el('br'), l] : [l])));
  if (item.confidential) dt(dl, 'Taushetsbelagt', 'Ja: hver visning logges, og den kan ikke videresendes på e-post');
  dt(dl, 'Avsender', partyText(item.sender));
  dt(dl, 'Deres referanse', item.senderReference);
  dt(dl, 'Ekstern referanse', item.eksternRef);
  dt(dl, 'Foreslått sak', item.suggestion && item.suggestion.caseNumber);
  dt(dl, 'Mottatt', when(item.receivedAt));
  dt(dl, 'Sendt', when(item.sentAt));
  dt(dl, 'Kanal', CHANNELS[item.channel] || item.channel);
  dt(dl, 'Mottaker', item.orgnr + (item.orgConfigured ? '' : ' (ikke konfigurert)'));
  dt(dl, 'Svar på forsendelse', item.replyTo);
  dt(dl, 'Sikkerhetsnivå', item.securityLevel);
  dt(dl, 'Forsendelsestype', item.forsendelseType);
  dt(dl, 'Avsendersystem', item.sendingSystem);
  dt(dl, 'Svar på journalpost', item.replyToJournalpost);
  if (item.links.length) dt(dl, 'Lenker', el('span', {}, ...item.links.flatMap((l, i) => i ? [el('br'), safeLink(l)] : [safeLink(l)])));

  const receipt = $('receipt');
  receipt.hidden = !item.receipt;
  if (item.receipt) {
    const warning = item.receipt.details && item.receipt.details.advarsel;
    receipt.replaceChildren(el('p', { class: 'message ok' },
      item.receipt.target ? 'Arkivert i «' + item.receipt.target + '» som journalpost ' : 'Arkivert som journalpost ',
      el('strong', {}, item.receipt.journalpostNumber || item.receipt.journalpostId),
      item.receipt.caseNumber ? ' på sak ' + item.receipt.caseNumber : ''),
      warning ? el('p', { class: 'message warn', role: 'alert' }, 'Merk: ' + warning) : '');
  }
  $('archive-form').hidden = !item.actions.archive;
  $('delete-form').hidden = !item.actions.delete || !me.mayDelete;
  $('forward-form').hidden = !item.actions.forward;
  $('no-actions').hidden = item.actions.archive || item.actions.delete || item.actions.forward;
  archiveTarget(item.organisation);
  if (item.actions.archive && !$('case-number').value && item.suggestion && item.suggestion.caseNumber) {
    $('case-number').value = item.suggestion.caseNumber;
  }

  const docs = $('documents');
  docs.replaceChildren();
  for (const d of item.documents) {
    const li = el('li', { 'data-index': String(d.index) },
      el('span', { class: 'doc-name' }, d.fileName), ' ',
      el('span', { class: 'muted small' }, (d.role === 'MAIN' ? 'Hoveddokument' : 'Vedlegg') + ', ' + size(d.size)));
    if (d.purged) {
      li.append(' ', el('span', { class: 'muted small' }, '(innholdet er slettet)'));
    } else {
      if (d.preview) {
        const b = el('button', { type: 'button', class: 'link' }, 'Vis');
        b.addEventListener('click', () => preview(d));
        li.append(' ', b);
      }
      li.append(' ', el('a', { href: d.url + '?download=1' }, 'Last ned'));
    }
    docs.append(li);
  }
  const anyContent = item.documents.some(d => !d.purged);
  $('zip').hidden = !anyContent;
  $('zip').href = API + '/items/' + encodeURIComponent(item.id) + '/zip';
  const first = item.documents.find(d => d.preview);
  if (first) { if (!$('preview').getAttribute('src')) preview(first); } else { $('preview-box').hidden = true; }

  $('audit').replaceChildren(...item.audit.map(a => el('tr', {},
    el('td', { class: 'nowrap' }, when(a.at)), el('td', {}, a.actor), el('td', {}, ACTIONS[a.action] || a.action),
    el('td', {}, (a.from ? (STATES[a.from] || a.from) + ' → ' : '') + (STATES[a.to] || a.to)), el('td', {}, a.detail || ''))));
}

async function itemPage() {
  await header();
  const id = new URLSearchParams(window.location.search).get('id');
  const path = 'items/' + encodeURIComponent(id || '');
  const reload = async () => renderItem(await api(path));
  const act = async (form, action, body, success) => {
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const r = await api(path + '/' + action, { method: 'POST', body });
      const warned = r.receipt && r.receipt.details && r.receipt.details.advarsel;
      show(success(r), warned ? 'warn' : 'ok');
    } catch (e) {
      show(e.message + (e.retryable ? ' Du kan prøve igjen.' : ''), 'error');
    } finally {
      button.disabled = false;
      await reload().catch(() => null);
    }
  };
  $('archive-form').addEventListener('submit', ev => {
    ev.preventDefault();
    act(ev.target, 'archive', { caseNumber: $('case-number').value.trim() },
      r => 'Arkivert som journalpost ' + (r.receipt.journalpostNumber || r.receipt.journalpostId) + '.'
        + (r.receipt.details && r.receipt.details.advarsel ? ' Merk: ' + r.receipt.details.advarsel : ''));
  });
  $('delete-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const reason = $('delete-reason').value.trim();
    if (!reason) { show('Skriv en begrunnelse for slettingen.', 'error'); return; }
    if (!window.confirm('Slette elementet? Innholdet fjernes og kan ikke hentes tilbake.')) return;
    act(ev.target, 'delete', { reason }, () => 'Elementet er slettet.');
  });
  $('forward-form').addEventListener('submit', ev => {
    ev.preventDefault();
    act(ev.target, 'forward', { toAddress: $('forward-to').value.trim(), note: $('forward-note').value },
      () => 'Videresendt til ' + $('forward-to').value.trim() + '.');
  });
  try { await reload(); } catch (e) {
    $('title').textContent = e.status === 403 ? 'Ingen tilgang' : 'Kunne ikke vise elementet';
    show(e.message, 'error');
  }
}

const ARCHIVE_NAMES = { websak: 'ACOS WebSak', 'acos-mottak': 'Acos Mottak (WebSaks mottakskø)', filesystem: 'mappe (arkivuttrekk)' };

/** An archive target as people say it: its name and what kind of archive it is. */
function targetLabel(name, kind) {
  const what = ARCHIVE_NAMES[kind] || kind;
  return name ? name + (what ? ' (' + what + ')' : '') : (what || 'ukjent');
}

/** Where archiving goes for this item's organisation, and whether it can go there now. */
function archiveTarget(org) {
  const target = $('archive-target');
  if (!org) {
    target.className = 'message warn small';
    target.textContent = 'Organisasjonen er ikke satt opp i postmottaket. Kontakt en administrator.';
  } else if (!org.archiveTarget && !org.archiveKind) {
    target.className = 'message warn small';
    target.textContent = 'Organisasjonen har ikke noe arkivmål. Kontakt en administrator.';
  } else {
    target.className = org.archiveAvailable ? 'small' : 'message warn small';
    target.replaceChildren('Arkivmål: ', el('strong', {}, targetLabel(org.archiveTarget, org.archiveKind)),
      org.archiveAvailable ? '' : ' – ikke tilgjengelig nå. ' + (org.archiveProblem || '')
        + ' Prøv igjen senere eller kontakt en administrator.');
  }
  $('case-hint').textContent = 'Tomt felt: avsenders forslag, ellers '
    + (org && org.fallbackCase ? 'reservesaken ' + org.fallbackCase
      + (org.fallbackCaseTitle ? ' «' + org.fallbackCaseTitle + '»' : '') : 'arkivets reservesak') + '.';
  $('forward-hint').hidden = !org || org.forwardingAvailable;
}

/* ---------- admin ---------- */
async function adminPage() {
  await header();
  let o;
  try { o = await api('admin/overview'); } catch (e) { show(e.message, 'error'); return; }
  $('unconfigured').replaceChildren(...(o.unconfigured.length ? o.unconfigured.map(u => el('tr', {},
    el('td', {}, el('a', { href: 'inbox.html?state=&org=' + encodeURIComponent(u.orgnr) }, u.orgnr)),
    el('td', { class: 'num' }, String(u.items)))) : [el('tr', {}, el('td', { colspan: '2', class: 'muted' }, 'Ingen.'))]));
  const states = Object.keys(STATES);
  $('counts-head').replaceChildren(el('tr', {}, el('th', {}, 'Organisasjon'), ...states.map(s => el('th', { class: 'num' }, STATES[s]))));
  $('counts').replaceChildren(...o.organisations.map(org => el('tr', {},
    el('td', {}, el('a', { href: 'inbox.html?state=&org=' + encodeURIComponent(org.orgnr) }, org.orgnr),
      org.configured ? null : el('span', { class: 'badge warn' }, 'ikke konfigurert')),
    ...states.map(s => el('td', { class: 'num' }, String(org.counts[s] || 0))))));
  $('stuck').replaceChildren(...(o.stuck.length ? o.stuck.map(i => el('tr', {},
    el('td', { class: 'nowrap' }, when(i.receivedAt)), el('td', {}, i.orgnr), el('td', {}, i.sender.name),
    el('td', {}, el('a', { href: 'item.html?id=' + encodeURIComponent(i.id) }, i.title || '(uten tittel)')))) :
    [el('tr', {}, el('td', { colspan: '4', class: 'muted' }, 'Ingen.'))]));
  renderArchive(o.archive);
  renderChannels(o.channels);
  renderHealth(o.health);
}

const HEALTH = { OK: 'OK', WARN: 'Advarsel', CRITICAL: 'Kritisk', TEMPORARILY_UNAVAILABLE: 'Midlertidig utilgjengelig',
  HEALTH_CHECK_ERROR: 'Feil i sjekken' };
const HEALTH_SEVERITY = { OK: 'OK', WARN: 'WARNING' };

/** One line per health check, red or yellow with what is wrong; null when postmottak-operations is not installed. */
function renderHealth(checks) {
  if (!checks) {
    $('health').replaceChildren(el('p', { class: 'muted' }, 'Helsesjekkene er ikke installert (postmottak-operations).'));
    return;
  }
  $('health').replaceChildren(el('ul', { class: 'health' }, ...checks.map(c => el('li',
    { class: 'channel sev-' + (HEALTH_SEVERITY[c.status] || 'ERROR'), 'data-check': c.name },
    el('strong', {}, c.name), ' ', el('span', { class: 'state' }, HEALTH[c.status] || c.status),
    c.messages.length ? el('ul', { class: 'alerts' }, ...c.messages.map(m => el('li',
      { class: 'alert alert-' + (HEALTH_SEVERITY[m.status] || 'ERROR') }, m.text))) : ''))));
}

/** Every organisation's archive target and whether it is there; a target serving several is a visible warning. */
function renderArchive(a) {
  $('archive-orgs').replaceChildren(...(a.organisations.length ? a.organisations.map(o => el('tr', {},
    el('td', {}, o.displayName || o.orgnr, el('br'), el('span', { class: 'muted small' }, o.orgnr)),
    el('td', {}, o.archiveTarget || o.archiveKind
      ? targetLabel(o.archiveTarget, o.archiveKind) + (o.archiveTarget ? '' : ' – bare type (archive.kind)') : '–'),
    el('td', {}, o.archiveAvailable ? el('span', { class: 'ok-line' }, 'Tilgjengelig')
      : el('span', { class: 'alert alert-ERROR' }, o.archiveProblem || 'Ikke tilgjengelig')),
    el('td', {}, o.fallbackCase ? o.fallbackCase + (o.fallbackCaseTitle ? ' «' + o.fallbackCaseTitle + '»' : '') : '–')))
    : [el('tr', {}, el('td', { colspan: '4', class: 'muted' }, 'Ingen organisasjoner er satt opp.'))]));
  $('archive-targets').replaceChildren(...(a.targets.length ? a.targets.map(t => el('tr', {},
    el('td', {}, t.name || el('span', { class: 'muted' }, '(uten navn)')),
    el('td', {}, ARCHIVE_NAMES[t.kind] || t.kind),
    el('td', {}, t.organisations.length ? t.organisations.join(', ') : el('span', { class: 'muted' }, 'Ingen'),
      t.shared ? el('span', { class: 'alert alert-WARNING' }, ' Advarsel: arkivmålet brukes av '
        + t.organisations.length + ' organisasjoner') : '')))
    : [el('tr', {}, el('td', { colspan: '3', class: 'muted' }, 'Ingen arkivleverandør er startet.'))]));
}

const CHANNEL_STATES = { ACTIVE: 'Aktiv', STANDBY: 'Venter (en annen node henter)', STOPPED: 'Stoppet' };
const OUTCOMES = {
  RUNNING: 'Henter nå …', SUCCEEDED: 'OK', PARTLY_FAILED: 'Delvis feilet', FAILED: 'Feilet',
  SKIPPED: 'Hoppet over (en annen node henter)'
};

function renderChannels(channels) {
  $('channels').replaceChildren(...(channels.length ? channels.map(c => channelCard(c))
    : [el('p', { class: 'muted' }, 'Ingen kanalkontoer er satt opp.')]));
}

function lastPollText(p) {
  if (!p) return 'Ikke hentet ennå';
  const time = when(p.started) + (p.ended ? '–' + new Date(p.ended).toLocaleTimeString('nb-NO', { timeStyle: 'short' }) : '');
  return time + ': ' + (OUTCOMES[p.outcome] || p.outcome) + (p.summary && p.outcome !== 'RUNNING' ? ' – ' + p.summary : '');
}

/** One account: a red line when its status could not be read, otherwise its status, alerts and "Hent nå". */
function channelCard(c, resultText) {
  if (c.error) {
    return el('div', { class: 'channel sev-ERROR', 'data-channel': c.id },
      el('h3', {}, 'Kanalkonto ' + c.id), el('p', { class: 'alert alert-ERROR' }, c.error));
  }
  const dl = el('dl');
  dt(dl, 'Organisasjonsnumre', c.orgnrs.length ? c.orgnrs.join(', ') : '–');
  dt(dl, 'Siste henting', lastPollText(c.lastPoll));
  dt(dl, 'Neste henting', c.nextPoll ? when(c.nextPoll) : 'Ikke planlagt');
  dt(dl, 'Mottatt', String(c.received));
  dt(dl, 'Feilet', String(c.failed));
  if (c.backlog) {
    dt(dl, 'Ventet i SvarUt ved siste henting', String(c.backlog.waiting)
      + (c.backlog.oldest ? ', eldste sendt ' + when(c.backlog.oldest) : ''));
  }
  const alerts = c.alerts.length ? el('ul', { class: 'alerts' }, ...c.alerts.map(a => el('li',
    { class: 'alert alert-' + a.severity }, (a.severity === 'ERROR' ? 'Feil: ' : 'Advarsel: ') + a.text)))
    : el('p', { class: 'ok-line' }, 'Ingen varsler.');
  const button = el('button', { type: 'button', class: 'poll-now' }, 'Hent nå');
  const result = el('span', { class: 'poll-result', role: 'status' }, resultText || '');
  button.addEventListener('click', () => pollNow(c, button, result));
  return el('div', { class: 'channel sev-' + (c.severity || 'OK'), 'data-channel': c.id },
    el('h3', {}, c.channel + ' – ' + c.account, ' ', el('span', { class: 'state ch-' + c.state }, CHANNEL_STATES[c.state] || c.state)),
    dl, alerts, el('p', {}, button, ' ', result));
}

/** "Hent nå": starts a poll, shows "Henter nå …", and follows the status until that poll has ended. */
async function pollNow(c, button, result) {
  const before = c.lastPoll ? c.lastPoll.started : null;
  button.disabled = true;
  result.className = 'poll-result';
  result.textContent = 'Henter nå …';
  try {
    await api('admin/channels/' + encodeURIComponent(c.id) + '/poll', { method: 'POST', body: {} });
  } catch (e) {
    result.className = 'poll-result error';
    result.textContent = e.message;
    button.disabled = false;
    return;
  }
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 1500));
    const list = await api('admin/channels').then(r => r.channels).catch(() => null);
    const now = list && list.find(x => x.id === c.id);
    if (list && !now) {
      result.textContent = 'Kontoen finnes ikke lenger; last siden på nytt.';
      return;
    }
    const p = now && now.lastPoll;
    if (p && p.ended && p.started !== before) {
      const card = document.querySelector('[data-channel="' + CSS.escape(c.id) + '"]');
      if (card) card.replaceWith(channelCard(now, 'Ferdig: ' + lastPollText(p)));
      return;
    }
  }
  result.textContent = 'Hentingen er ikke ferdig ennå; last siden på nytt senere.';
  button.disabled = false;
}

document.addEventListener('DOMContentLoaded', () => {
  const page = document.body.dataset.page;
  const run = { login: loginPage, inbox: inboxPage, item: itemPage, admin: adminPage }[page];
  if (run) Promise.resolve(run()).catch(e => { if ($('message')) show(e.message, 'error'); });
});
