// core/http/admin/admin.js — the admin page: no framework, no build step, nothing loaded from elsewhere.
// Every API call carries the token the user typed; it is kept in sessionStorage only (this tab, until it closes).
// Text from the API is only ever set with textContent, never parsed as HTML.
'use strict';

(function () {
  const TOKEN_KEY = 'finsam-hub.admin-token';
  const REFRESH_MS = 30000;
  const QUARANTINE_PAGE = 50;
  const RUNS = 20;

  const STATES = {
    running: 'Kör', idle: 'Vilar', failing: 'Fel', paused: 'Pausad', disabled: 'Avstängd',
  };
  const RUN_STATUSES = {
    ok: 'Klar', failed: 'Misslyckad', stopped: 'Avbruten', running: 'Pågår', abandoned: 'Övergiven',
  };
  const TRIGGERS = {
    schedule: 'Schema', watch: 'Bevakning', manual: 'Manuellt', reprocess: 'Ombearbetning', cli: 'Kommandorad',
  };
  const REASONS = {
    unknown_code: 'Okänd kod',
    bad_value: 'Felaktigt värde',
    invalid_personnummer: 'Ogiltigt personnummer',
    wrong_shape: 'Fel antal fält',
    end_before_start: 'Slut före start',
    missing_value: 'Värde saknas',
    missing_required: 'Obligatoriskt värde saknas',
    wrong_encoding: 'Fel teckenkodning',
  };
  const SUBSCRIBER_STATES = {
    ok: 'Levererar', idle: 'I fas', retrying: 'Försöker igen', never_delivered: 'Aldrig levererat',
  };
  const INDICATORS = [
    { id: 'deltagare', title: 'Deltagare', share: false },
    { id: 'nya_deltagare', title: 'Nya deltagare', share: false },
    { id: 'avslutade', title: 'Avslutade deltagare', share: false },
    { id: 'andel_arbete_studier', title: 'Andel till arbete eller studier efter avslut', share: true },
  ];

  const numberFormat = new Intl.NumberFormat('sv-SE');
  const percentFormat = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

  let token = sessionStorage.getItem(TOKEN_KEY) || '';
  let refreshTimer = null;
  let selectedConnector = null;
  let quarantineAfter = null;
  let indicatorsPrepared = false;

  const $ = (selector) => document.querySelector(selector);

  // ---- small DOM helpers ------------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, String(value));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function td(content, className) {
    return el('td', { className }, content === null || content === undefined || content === '' ? '–' : content);
  }

  function count(value) {
    return typeof value === 'number' ? numberFormat.format(value) : '–';
  }

  function when(iso) {
    if (!iso) return '–';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return date.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
  }

  function timeEl(iso) {
    if (!iso) return '–';
    return el('time', { datetime: iso }, when(iso));
  }

  function badge(value, labels) {
    const label = labels[value] || value || '–';
    return el('span', { className: 'state state-' + (value || 'none') }, label);
  }

  function reason(code) {
    return REASONS[code] ? REASONS[code] + ' (' + code + ')' : code || '–';
  }

  function say(message) {
    // Re-set so that the same message is announced again.
    const status = $('#status');
    status.textContent = '';
    window.setTimeout(() => { status.textContent = message; }, 30);
  }

  function replaceRows(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  // ---- the API ----------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, method) {
    let response;
    try {
      response = await fetch(path, {
        method: method || 'GET',
        headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      throw new ApiError(0, 'Hubben svarar inte (' + error.message + ').');
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (error) {
      body = null;
    }
    if (response.status === 401) {
      showLogin('Token godtogs inte: den är fel eller återkallad. Logga in igen.');
      throw new ApiError(401, 'Inte inloggad.');
    }
    if (!response.ok) {
      const detail = body && body.message ? ': ' + body.message : '';
      if (response.status === 403) {
        throw new ApiError(403, 'Token saknar behörighet för ' + path.split('?')[0] + detail);
      }
      throw new ApiError(response.status, 'Anropet misslyckades (HTTP ' + response.status + ')' + detail);
    }
    return body;
  }

  function report(error, target) {
    if (error.status === 401) return;  // the login form says it already
    if (target) target.textContent = error.message;
    say(error.message);
  }

  // ---- login ------------------------------------------------------------------------------------------------

  function showLogin(message) {
    token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    if (refreshTimer) window.clearInterval(refreshTimer);
    refreshTimer = null;
    $('#app').hidden = true;
    $('#logout').hidden = true;
    $('#login').hidden = false;
    $('#login-error').textContent = message || '';
    const input = $('#token');
    input.value = '';
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    input.focus();
  }

  async function login(event) {
    event.preventDefault();
    const value = $('#token').value.trim();
    if (!value) {
      $('#login-error').textContent = 'Ange en admin-token.';
      $('#token').setAttribute('aria-invalid', 'true');
      $('#token').focus();
      return;
    }
    token = value;
    $('#login-submit').disabled = true;
    try {
      const list = await api('/v1/admin/connectors');
      sessionStorage.setItem(TOKEN_KEY, token);
      showApp(list);
      say('Inloggad. ' + list.connectors.length + ' anslutningar.');
    } catch (error) {
      if (error.status !== 401) {
        showLogin(error.status === 403 ? 'Token saknar behörigheten admin.' : error.message);
      }
    } finally {
      $('#login-submit').disabled = false;
    }
  }

  function showApp(list) {
    $('#login').hidden = true;
    $('#login-error').textContent = '';
    $('#token').value = '';
    $('#app').hidden = false;
    $('#logout').hidden = false;
    renderConnectors(list.connectors);
    loadFeed();
    prepareIndicators(list.connectors);
    if (refreshTimer) window.clearInterval(refreshTimer);
    refreshTimer = window.setInterval(refreshOverview, REFRESH_MS);
    $('#main').focus();
  }

  async function refreshOverview() {
    try {
      const list = await api('/v1/admin/connectors');
      renderConnectors(list.connectors);
      await loadFeed();
    } catch (error) {
      report(error);
    }
  }

  // ---- connectors -------------------------------------------------------------------------------------------

  function lastRunCell(run) {
    if (!run) return td('Aldrig');
    return el('td', null, badge(run.status, RUN_STATUSES), ' ', timeEl(run.finished_at || run.started_at));
  }

  function actionButton(label, action, id, extra) {
    return el('button', {
      type: 'button', className: 'secondary', 'aria-label': label + ': ' + id,
      dataset: Object.assign({ action, connector: id }, extra || {}),
    }, label);
  }

  function renderConnectors(connectors) {
    const rows = connectors.map((c) => {
      const quarantineCell = c.open_quarantine > 0
        ? el('td', { className: 'num' }, el('button', {
          type: 'button', className: 'link open-quarantine',
          'aria-label': 'Visa ' + c.open_quarantine + ' öppna rader i karantän för ' + c.connector,
          dataset: { action: 'quarantine', connector: c.connector },
        }, count(c.open_quarantine)))
        : td(count(c.open_quarantine), 'num');
      const row = el('tr', { dataset: { connector: c.connector, state: c.state || '' } },
        el('th', { scope: 'row' }, c.connector),
        td(c.organisation),
        el('td', null, badge(c.state, STATES),
          c.running_on ? el('span', { className: 'note' }, ' på ' + c.running_on) : null,
          c.consecutive_failures > 0 ? el('span', { className: 'note' }, ' (' + c.consecutive_failures + ' fel i rad)') : null),
        lastRunCell(c.last_run),
        el('td', null, c.paused ? 'Pausad' : timeEl(c.next_run_at),
          c.run_requested ? el('span', { className: 'note' }, ' (körning begärd)') : null,
          c.reprocess_requested ? el('span', { className: 'note' }, ' (ombearbetning begärd)') : null),
        td(count(c.read), 'num'),
        td(count(c.accepted), 'num'),
        quarantineCell,
        el('td', { className: 'actions' },
          actionButton('Visa', 'open', c.connector),
          c.paused ? actionButton('Återuppta', 'resume', c.connector) : actionButton('Pausa', 'pause', c.connector),
          actionButton('Kör nu', 'run', c.connector),
          actionButton('Bearbeta om', 'reprocess', c.connector)));
      if (c.connector === selectedConnector) row.classList.add('selected');
      return row;
    });
    replaceRows($('#connectors tbody'), rows);
    const forbundOrgs = connectors.map((c) => c.organisation).filter((o) => /^forbund-/.test(o || ''));
    addForbundOptions(forbundOrgs);
  }

  async function onConnectorAction(event) {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const id = button.dataset.connector;
    const action = button.dataset.action;
    if (action === 'open' || action === 'quarantine') {
      await openConnector(id, action === 'quarantine');
      return;
    }
    if (action === 'reprocess' &&
        !window.confirm('Bearbeta om alla filer för ' + id + '? Allt läses om från början.')) {
      return;
    }
    button.disabled = true;
    try {
      await api('/v1/admin/connectors/' + encodeURIComponent(id) + '/' + action, 'POST');
      const done = { pause: 'pausad', resume: 'återupptagen', run: 'körning begärd', reprocess: 'ombearbetning begärd' };
      say(id + ': ' + done[action] + '.');
      await refreshOverview();
      if (selectedConnector === id) await openConnector(id, false, true);
    } catch (error) {
      report(error);
    } finally {
      button.disabled = false;
    }
  }

  function fact(list, term, value) {
    list.append(el('dt', null, term), el('dd', null, value === null || value === undefined || value === '' ? '–' : value));
  }

  function scheduleText(schedule) {
    if (!schedule) return '–';
    const parts = [];
    if (schedule.interval_seconds) parts.push('var ' + numberFormat.format(schedule.interval_seconds) + ' s');
    if (schedule.window) parts.push('fönster ' + schedule.window.from + '–' + schedule.window.to);
    if (schedule.watch) parts.push('bevakar mappen');
    return parts.join(', ') || '–';
  }

  async function openConnector(id, focusQuarantine, keepQuarantine) {
    let c;
    try {
      c = await api('/v1/admin/connectors/' + encodeURIComponent(id) + '?runs=' + RUNS);
    } catch (error) {
      report(error);
      return;
    }
    selectedConnector = id;
    for (const row of document.querySelectorAll('#connectors tbody tr')) {
      row.classList.toggle('selected', row.dataset.connector === id);
    }
    const section = $('#connector-detail');
    section.dataset.connector = id;
    $('#detail-heading').textContent = 'Anslutning ' + id;

    const facts = $('#detail-facts');
    facts.replaceChildren();
    fact(facts, 'Insticksprogram', c.plugin);
    fact(facts, 'Organisation', c.organisation);
    fact(facts, 'Status', badge(c.state, STATES));
    fact(facts, 'Schema', scheduleText(c.schedule));
    fact(facts, 'Nästa körning', c.paused ? 'Pausad' : timeEl(c.next_run_at));
    fact(facts, 'Senaste batch', timeEl(c.last_committed_at));
    fact(facts, 'Batcher', count(c.batches));
    fact(facts, 'Lästa / godkända', count(c.read) + ' / ' + count(c.accepted));
    fact(facts, 'Karantän / avvisade rader / avvisade filer',
      count(c.quarantined) + ' / ' + count(c.rejected_rows) + ' / ' + count(c.rejected_files));
    fact(facts, 'Kontrollpunkt', c.checkpoint_bytes !== undefined ? count(c.checkpoint_bytes) + ' byte' : '–');

    const runs = (c.runs || []).map((run) => el('tr', { dataset: { run: run.id } },
      el('th', { scope: 'row' }, String(run.id)),
      td(TRIGGERS[run.trigger] || run.trigger),
      el('td', null, badge(run.status, RUN_STATUSES)),
      el('td', null, timeEl(run.started_at)),
      el('td', null, timeEl(run.finished_at)),
      td(count(run.read), 'num'),
      td(count(run.accepted), 'num'),
      td(count(run.quarantined), 'num'),
      td(count(run.rejected_rows), 'num'),
      td(count(run.rejected_files), 'num'),
      td(run.error)));
    if (runs.length === 0) runs.push(el('tr', null, el('td', { colspan: 11 }, 'Inga körningar ännu.')));
    replaceRows($('#runs tbody'), runs);

    const warnings = (c.recent_warnings || []).map((w) =>
      el('li', null, timeEl(w.at), ' (batch ' + w.batch + '): ' + w.message));
    if (warnings.length === 0) warnings.push(el('li', null, 'Inga varningar.'));
    $('#warnings').replaceChildren(...warnings);

    section.hidden = false;
    if (!keepQuarantine) {
      $('#quarantine-detail').hidden = true;
      await loadQuarantine(true);
    }
    if (focusQuarantine) {
      $('#quarantine-heading').setAttribute('tabindex', '-1');
      $('#quarantine-heading').focus();
      $('#quarantine-heading').scrollIntoView({ block: 'start' });
    } else if (!keepQuarantine) {
      $('#detail-heading').focus();
    }
  }

  async function loadQuarantine(fromStart) {
    const id = selectedConnector;
    if (fromStart) quarantineAfter = null;
    let path = '/v1/admin/quarantine?connector=' + encodeURIComponent(id) + '&state=open&limit=' + QUARANTINE_PAGE;
    if (quarantineAfter !== null) path += '&after=' + quarantineAfter;
    let page;
    try {
      page = await api(path);
    } catch (error) {
      report(error);
      return;
    }
    const rows = page.items.map((item) => el('tr', { dataset: { quarantineId: item.id } },
      el('th', { scope: 'row' }, el('button', {
        type: 'button', className: 'link quarantine-open',
        'aria-label': 'Visa rad ' + item.line + ' i ' + item.source,
        dataset: { quarantineId: item.id },
      }, 'Rad ' + item.line)),
      td(item.source),
      td(item.field),
      td(reason(item.code)),
      td(item.message),
      el('td', null, timeEl(item.created_at))));
    const tbody = $('#quarantine tbody');
    if (fromStart) replaceRows(tbody, rows);
    else tbody.append(...rows);
    quarantineAfter = page.next_after;
    $('#quarantine-more').hidden = page.next_after === null || page.next_after === undefined;
    $('#quarantine-empty').hidden = tbody.children.length > 0;
    $('#quarantine').hidden = tbody.children.length === 0;
  }

  async function openQuarantineItem(id) {
    let item;
    try {
      item = await api('/v1/admin/quarantine/' + encodeURIComponent(id));
    } catch (error) {
      report(error);
      return;
    }
    const detail = $('#quarantine-detail');
    detail.dataset.quarantineId = item.id;
    $('#quarantine-detail-heading').textContent = 'Rad ' + item.line + ' i ' + item.source;
    const facts = $('#quarantine-facts');
    facts.replaceChildren();
    fact(facts, 'Orsak', reason(item.code));
    fact(facts, 'Meddelande', item.message);
    fact(facts, 'Fil', item.source);
    fact(facts, 'Rad', String(item.line));
    fact(facts, 'Kolumn', item.column ? String(item.column) : '–');
    fact(facts, 'Fält', item.field);
    fact(facts, 'Anslutning', item.connector);
    fact(facts, 'Batch', String(item.batch));
    fact(facts, 'Tillstånd', item.state === 'open' ? 'Öppen' : item.state);
    fact(facts, 'Skapad', timeEl(item.created_at));
    $('#quarantine-payload').textContent =
      typeof item.payload === 'string' ? item.payload : JSON.stringify(item.payload, null, 2);
    for (const row of document.querySelectorAll('#quarantine tbody tr')) {
      row.classList.toggle('selected', row.dataset.quarantineId === String(item.id));
    }
    detail.hidden = false;
    $('#quarantine-detail-heading').focus();
    say('Visar karantänrad ' + item.line + ': ' + reason(item.code) + '.');
  }

  // ---- feed and subscribers ---------------------------------------------------------------------------------

  async function loadFeed() {
    try {
      const head = await api('/v1/feed/head');
      $('#feed-head').textContent = count(head.head);
    } catch (error) {
      report(error, $('#feed-head'));
    }
    try {
      const list = await api('/v1/admin/subscribers');
      const rows = list.subscribers.map((s) => el('tr', { dataset: { subscriber: s.id } },
        el('th', { scope: 'row' }, s.id),
        el('td', null, badge(s.state, SUBSCRIBER_STATES)),
        td(count(s.cursor), 'num'),
        td(count(s.lag_events), 'num'),
        td(count(s.delivered_events), 'num'),
        el('td', null, timeEl(s.last_success_at)),
        td(count(s.consecutive_failures), 'num'),
        td(s.last_error)));
      replaceRows($('#subscribers tbody'), rows);
      $('#subscribers').hidden = rows.length === 0;
      $('#subscribers-empty').hidden = rows.length > 0;
    } catch (error) {
      report(error, $('#subscribers-empty'));
      $('#subscribers-empty').hidden = false;
    }
  }

  // ---- indicators -------------------------------------------------------------------------------------------

  function addForbundOptions(ids) {
    const select = $('#forbund');
    const present = new Set(Array.from(select.options).map((o) => o.value));
    for (const id of ids) {
      if (!present.has(id)) {
        select.append(el('option', { value: id }, id));
        present.add(id);
      }
    }
  }

  // The förbund come from the connectors' organisations and the insatser; the years from the insatser's dates.
  async function prepareIndicators(connectors) {
    if (indicatorsPrepared) return;
    indicatorsPrepared = true;
    const thisYear = new Date().getFullYear();
    let first = thisYear - 2;
    let last = thisYear;
    try {
      const page = await api('/v1/insatser?limit=1000');
      const years = [];
      const orgs = [];
      for (const insats of page.items) {
        if (/^forbund-/.test(insats.organisation)) orgs.push(insats.organisation);
        for (const date of [insats.startdatum, insats.slutdatum]) {
          if (date) years.push(Number(date.slice(0, 4)));
        }
      }
      addForbundOptions(orgs);
      if (years.length > 0) {
        last = Math.min(thisYear, Math.max(...years));
        first = Math.max(Math.min(...years), last - 7);
      }
    } catch (error) {
      report(error);
    }
    addForbundOptions(connectors.map((c) => c.organisation).filter((o) => /^forbund-/.test(o || '')));
    $('#year-from').value = String(first);
    $('#year-to').value = String(last);
    if ($('#forbund').options.length > 0) {
      await loadIndicators();
    } else {
      $('#charts').replaceChildren(el('p', null, 'Inget samordningsförbund hittades i data.'));
    }
  }

  async function loadIndicators(event) {
    if (event) event.preventDefault();
    const forbund = $('#forbund').value;
    const from = Number($('#year-from').value);
    const to = Number($('#year-to').value);
    const charts = $('#charts');
    if (!forbund || !Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 2000 || to > 2100) {
      charts.replaceChildren(el('p', { className: 'error' }, 'Ange ett förbund och ett giltigt intervall av år.'));
      return;
    }
    charts.setAttribute('aria-busy', 'true');
    try {
      const answer = await api('/v1/indicators?forbund=' + encodeURIComponent(forbund) + '&from=' + from +
        '-01-01&to=' + to + '-12-31&period=year');
      const figures = INDICATORS.map((indicator) => {
        const points = answer.rows
          .filter((r) => r.indicator === indicator.id && r.insats === '' && r.dimension === 'total')
          .sort((a, b) => a.period.localeCompare(b.period))
          .map((r) => ({
            label: r.period, value: r.value, suppressed: r.suppressed,
            numerator: r.numerator, denominator: r.denominator,
          }));
        return chartFigure(indicator, points, forbund);
      });
      charts.replaceChildren(...figures);
      say('Indikatorer för ' + forbund + ' ' + from + '–' + to + ' visas.');
    } catch (error) {
      charts.replaceChildren(el('p', { className: 'error' }, error.message));
      report(error);
    } finally {
      charts.removeAttribute('aria-busy');
    }
  }

  function formatValue(point, share) {
    if (point.suppressed) return 'undertryckt';
    if (point.value === null || point.value === undefined) return 'saknas';
    return share ? percentFormat.format(point.value) : numberFormat.format(point.value);
  }

  function niceMax(value) {
    if (value <= 0) return 1;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * magnitude >= value) return step * magnitude;
    }
    return 10 * magnitude;
  }

  let chartCount = 0;
  function chartFigure(indicator, points, forbund) {
    const n = ++chartCount;
    const titleId = 'chart-title-' + n;
    const descId = 'chart-desc-' + n;
    const summary = points.map((p) => p.label + ': ' + formatValue(p, indicator.share)).join(', ');
    const caption = indicator.title + ', ' + forbund;

    const width = 440, height = 220, left = 52, right = 12, top = 22, bottom = 30;
    const plotW = width - left - right, plotH = height - top - bottom;
    const values = points.filter((p) => !p.suppressed && typeof p.value === 'number').map((p) => p.value);
    const max = indicator.share ? 1 : niceMax(Math.max(0, ...values));

    const chart = svg('svg', {
      class: 'bars', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': titleId + ' ' + descId, focusable: 'false',
    });
    chart.append(svg('title', { id: titleId }, caption));
    chart.append(svg('desc', { id: descId },
      points.length ? 'Per år: ' + summary + '.' : 'Inga värden för perioden.'));

    for (const fraction of [0, 0.5, 1]) {
      const y = top + plotH - fraction * plotH;
      chart.append(svg('line', { class: fraction === 0 ? 'axis' : 'grid', x1: left, x2: width - right, y1: y, y2: y }));
      const label = indicator.share ? percentFormat.format(fraction) : numberFormat.format(max * fraction);
      chart.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'aria-hidden': 'true' }, label));
    }
    const slot = points.length ? plotW / points.length : plotW;
    points.forEach((p, i) => {
      const x = left + i * slot;
      const barW = Math.min(60, slot * 0.6);
      const centre = x + slot / 2;
      const group = svg('g', { 'aria-hidden': 'true' });
      if (p.suppressed || typeof p.value !== 'number') {
        group.append(svg('text', { class: 'suppressed', x: centre, y: top + plotH - 6, 'text-anchor': 'middle' },
          p.suppressed ? 'undertr.' : 'saknas'));
      } else {
        const h = max > 0 ? (p.value / max) * plotH : 0;
        group.append(svg('rect', { class: 'bar', x: centre - barW / 2, y: top + plotH - h, width: barW, height: Math.max(h, 0) }));
        group.append(svg('text', { x: centre, y: top + plotH - h - 5, 'text-anchor': 'middle' }, formatValue(p, indicator.share)));
      }
      group.append(svg('text', { x: centre, y: height - 10, 'text-anchor': 'middle' }, p.label));
      chart.append(group);
    });

    const table = el('table', { className: 'chart-table' },
      el('caption', null, caption),
      el('thead', null, el('tr', null,
        el('th', { scope: 'col' }, 'År'),
        el('th', { scope: 'col', className: 'num' }, 'Värde'),
        el('th', { scope: 'col', className: 'num' }, 'Täljare'),
        el('th', { scope: 'col', className: 'num' }, 'Nämnare'))),
      el('tbody', null, ...points.map((p) => el('tr', null,
        el('th', { scope: 'row' }, p.label),
        td(formatValue(p, indicator.share), 'num'),
        td(p.suppressed ? 'undertryckt' : count(p.numerator), 'num'),
        td(p.suppressed ? 'undertryckt' : count(p.denominator), 'num')))));

    return el('figure', { className: 'chart', dataset: { indicator: indicator.id } },
      el('figcaption', null, caption),
      chart,
      el('details', null, el('summary', null, 'Visa som tabell'), table));
  }

  // ---- wiring -----------------------------------------------------------------------------------------------

  function start() {
    $('#login-form').addEventListener('submit', login);
    $('#logout').addEventListener('click', () => {
      showLogin('');
      say('Utloggad.');
    });
    $('#refresh').addEventListener('click', async () => {
      await refreshOverview();
      say('Uppdaterad.');
    });
    $('#connectors tbody').addEventListener('click', onConnectorAction);
    $('#quarantine tbody').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-quarantine-id]');
      if (button) openQuarantineItem(button.dataset.quarantineId);
    });
    $('#quarantine-more').addEventListener('click', () => loadQuarantine(false));
    $('#indicator-form').addEventListener('submit', loadIndicators);

    if (token) {
      api('/v1/admin/connectors').then(showApp).catch((error) => {
        if (error.status !== 401) showLogin(error.message);
      });
    } else {
      showLogin('');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
