// qtrade dashboard: plain JavaScript, no dependencies, served from the jar. Reads the REST API once, then follows the
// WebSocket stream. The token comes from the URL fragment (#token=..., never sent to the server, removed at once) or
// the form, and is kept in this tab's session storage only.
'use strict';
(function () {
  const API = '/api/v1';
  const MAX_POINTS = 900;
  const S = {
    token: null, ws: null, instrument: null, instruments: [], priceDigits: 2, qtyDigits: 3,
    mids: [], trades: [], fills: [], equity: [], orders: new Map(), dirty: false,
    counts: { book: 0, top: 0, portfolio: 0, order: 0, fill: 0, risk: 0, signals: 0, trade: 0 }
  };
  const $ = (id) => document.getElementById(id);

  function digits(step) {
    const s = String(step);
    const i = s.indexOf('.');
    return i < 0 ? 0 : s.length - i - 1;
  }
  function fmt(v, d) { return v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(d); }
  function signed(el, v, d) {
    el.textContent = fmt(v, d);
    el.className = v > 0 ? 'pos' : v < 0 ? 'neg' : '';
  }
  function status(text) { $('status').textContent = text; }
  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }

  async function api(path, method, body) {
    const opts = { method: method || 'GET', headers: { 'Authorization': 'Bearer ' + S.token } };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    const r = await fetch(API + path, opts);
    const data = await r.json().catch(() => null);
    if (r.status === 401) { showLogin('token refused'); throw new Error('unauthorized'); }
    if (!r.ok) { throw new Error((data && data.message) || ('HTTP ' + r.status)); }
    return data;
  }

  function showLogin(why) {
    sessionStorage.removeItem('qtrade.token');
    S.token = null;
    $('login').classList.remove('hidden');
    status(why || 'enter an API token');
  }

  // --- book ladder ---
  function renderBook(m) {
    if (m.instrument !== S.instrument) { return; }
    const tbody = $('ladder').tBodies[0];
    tbody.textContent = '';
    const asks = m.asks.slice(0, 10).reverse();
    for (const [p, q] of asks) {
      const tr = document.createElement('tr');
      tr.className = 'level ask';
      cell(tr, ''); cell(tr, fmt(p, S.priceDigits), 'px'); cell(tr, fmt(q, S.qtyDigits), 'q');
      tbody.appendChild(tr);
    }
    const sp = document.createElement('tr');
    sp.className = 'spread';
    const spread = m.asks.length && m.bids.length ? m.asks[0][0] - m.bids[0][0] : NaN;
    cell(sp, ''); cell(sp, 'spread ' + fmt(spread, S.priceDigits)); cell(sp, '');
    tbody.appendChild(sp);
    for (const [p, q] of m.bids.slice(0, 10)) {
      const tr = document.createElement('tr');
      tr.className = 'level bid';
      cell(tr, fmt(q, S.qtyDigits), 'q'); cell(tr, fmt(p, S.priceDigits), 'px'); cell(tr, '');
      tbody.appendChild(tr);
    }
    S.counts.book++;
    document.body.dataset.bookUpdates = S.counts.book;
  }

  // --- charts (canvas) ---
  function scale(values, pad) {
    let lo = Infinity; let hi = -Infinity;
    for (const v of values) { if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
    if (!Number.isFinite(lo)) { return null; }
    if (hi - lo < 1e-12) { lo -= 1; hi += 1; }
    const p = (hi - lo) * pad;
    return [lo - p, hi + p];
  }
  function axes(ctx, w, h, ylo, yhi, minDigits) {
    const d = Math.min(8, Math.max(minDigits, Math.ceil(-Math.log10((yhi - ylo) / 4)) + 1));
    ctx.fillStyle = '#7b8da0';
    ctx.font = '11px sans-serif';
    ctx.strokeStyle = '#1c252e';
    for (let i = 0; i <= 4; i++) {
      const y = 8 + (h - 24) * i / 4;
      ctx.beginPath(); ctx.moveTo(56, y); ctx.lineTo(w, y); ctx.stroke();
      ctx.fillText((yhi - (yhi - ylo) * i / 4).toFixed(d), 2, y + 4);
    }
  }
  function drawPrice() {
    const c = $('price-chart');
    const ctx = c.getContext('2d');
    const w = c.width; const h = c.height;
    ctx.clearRect(0, 0, w, h);
    if (S.mids.length < 2) { return; }
    const t0 = S.mids[0][0]; const t1 = S.mids[S.mids.length - 1][0];
    const ys = S.mids.map((p) => p[1]).concat(S.trades.filter((t) => t[0] >= t0).map((t) => t[1]));
    const sc = scale(ys, 0.08);
    if (!sc) { return; }
    axes(ctx, w, h, sc[0], sc[1], S.priceDigits);
    const X = (t) => 56 + (w - 60) * (t - t0) / Math.max(1, t1 - t0);
    const Y = (v) => 8 + (h - 24) * (sc[1] - v) / (sc[1] - sc[0]);
    ctx.fillStyle = '#6e7681';
    for (const t of S.trades) { if (t[0] >= t0) { ctx.fillRect(X(t[0]) - 1, Y(t[1]) - 1, 2, 2); } }
    ctx.strokeStyle = '#58a6ff'; ctx.lineWidth = 1.5; ctx.beginPath();
    S.mids.forEach((p, i) => { if (i === 0) { ctx.moveTo(X(p[0]), Y(p[1])); } else { ctx.lineTo(X(p[0]), Y(p[1])); } });
    ctx.stroke();
    for (const f of S.fills) {
      if (f[0] < t0) { continue; }
      const x = X(f[0]); const y = Y(f[1]); const up = f[2] === 'BUY';
      ctx.fillStyle = up ? '#56d364' : '#ff7b72';
      ctx.beginPath();
      if (up) { ctx.moveTo(x, y - 6); ctx.lineTo(x - 5, y + 4); ctx.lineTo(x + 5, y + 4); } else {
        ctx.moveTo(x, y + 6); ctx.lineTo(x - 5, y - 4); ctx.lineTo(x + 5, y - 4);
      }
      ctx.closePath(); ctx.fill();
    }
  }
  function drawEquity() {
    const c = $('equity-chart');
    const ctx = c.getContext('2d');
    const w = c.width; const h = c.height;
    ctx.clearRect(0, 0, w, h);
    if (S.equity.length < 2) { return; }
    const sc = scale(S.equity.map((p) => p[1]), 0.1);
    axes(ctx, w, h, sc[0], sc[1], 2);
    const t0 = S.equity[0][0]; const t1 = S.equity[S.equity.length - 1][0];
    const X = (t) => 56 + (w - 60) * (t - t0) / Math.max(1, t1 - t0);
    const Y = (v) => 8 + (h - 24) * (sc[1] - v) / (sc[1] - sc[0]);
    ctx.strokeStyle = '#d2a8ff'; ctx.lineWidth = 1.5; ctx.beginPath();
    S.equity.forEach((p, i) => { if (i === 0) { ctx.moveTo(X(p[0]), Y(p[1])); } else { ctx.lineTo(X(p[0]), Y(p[1])); } });
    ctx.stroke();
  }
  function push(list, item) { list.push(item); if (list.length > MAX_POINTS) { list.splice(0, list.length - MAX_POINTS); } }
  function redraw() {
    if (!S.dirty) { return; }
    S.dirty = false;
    requestAnimationFrame(() => { drawPrice(); drawEquity(); });
  }

  // --- tables ---
  function renderPortfolio(p) {
    signed($('pnl'), p.netPnl, 4); signed($('realized'), p.realizedPnl, 4); signed($('unrealized'), p.unrealizedPnl, 4);
    $('fees').textContent = fmt(p.fees, 4); $('equity').textContent = fmt(p.equity, 2);
    push(S.equity, [p.localTs / 1e6, p.equity]);
    const tbody = $('positions').tBodies[0];
    tbody.textContent = '';
    for (const q of p.byInstrument) {
      const tr = document.createElement('tr');
      tr.dataset.instrument = q.instrument;
      cell(tr, q.strategy); cell(tr, q.instrument); cell(tr, fmt(q.qty, S.qtyDigits), 'qty');
      cell(tr, fmt(q.avgEntryPrice, S.priceDigits)); cell(tr, fmt(q.markPrice, S.priceDigits));
      cell(tr, fmt(q.realizedPnl, 4)); cell(tr, fmt(q.unrealizedPnl, 4)); cell(tr, fmt(q.fees, 4));
      tbody.appendChild(tr);
    }
    S.counts.portfolio++;
    document.body.dataset.portfolioUpdates = S.counts.portfolio;
    S.dirty = true;
  }
  function renderOrders() {
    const tbody = $('orders').tBodies[0];
    tbody.textContent = '';
    const list = Array.from(S.orders.values()).sort((a, b) => b.orderId - a.orderId);
    for (const o of list.slice(0, 40)) {
      const tr = document.createElement('tr');
      tr.dataset.orderId = o.orderId;
      cell(tr, String(o.orderId)); cell(tr, o.strategy + (o.viaApi ? ' (api)' : ''));
      cell(tr, o.side || '-', o.side === 'BUY' ? 'pos' : 'neg'); cell(tr, fmt(o.price, S.priceDigits));
      cell(tr, fmt(o.qty, S.qtyDigits)); cell(tr, fmt(o.filledQty, S.qtyDigits)); cell(tr, o.status);
      tbody.appendChild(tr);
    }
    $('orders-count').textContent = '(' + S.orders.size + ')';
  }
  const TERMINAL = new Set(['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED']);
  function onOrder(o) {
    if (TERMINAL.has(o.status)) { S.orders.delete(o.orderId); } else { S.orders.set(o.orderId, o); }
    S.counts.order++;
    renderOrders();
  }
  function onFill(f) {
    push(S.fills, [f.localTs / 1e6, f.price, f.side]);
    const tbody = $('fills').tBodies[0];
    const tr = document.createElement('tr');
    cell(tr, new Date(f.localTs / 1e6).toISOString().substring(11, 23)); cell(tr, f.side, f.side === 'BUY' ? 'pos' : 'neg');
    cell(tr, fmt(f.price, S.priceDigits)); cell(tr, fmt(f.qty, S.qtyDigits)); cell(tr, fmt(f.fee, 4));
    cell(tr, f.liquidity === 'MAKER' ? 'maker' : 'taker');
    tbody.insertBefore(tr, tbody.firstChild);
    while (tbody.rows.length > 12) { tbody.deleteRow(tbody.rows.length - 1); }
    S.counts.fill++;
    document.body.dataset.fills = S.counts.fill;
    S.dirty = true;
  }
  function renderKillSwitch(ks) {
    if (!ks) { $('ks-state').textContent = 'none'; $('kill-switch').disabled = true; return; }
    const el = $('ks-state');
    el.textContent = ks.engaged ? 'ENGAGED' : 'armed';
    el.className = 'badge ' + (ks.engaged ? 'engaged' : 'armed');
    $('kill-switch').disabled = ks.engaged;
    $('ks-reset').disabled = !ks.engaged;
    const ul = $('engagements');
    ul.textContent = '';
    for (const e of ks.engagements.slice(-5).reverse()) {
      const li = document.createElement('li');
      li.textContent = new Date(e.engagedTs / 1e6).toISOString().substring(11, 19) + ' ' + e.cause + ': ' + e.detail
        + (e.resetTs ? ' (reset)' : '');
      ul.appendChild(li);
    }
  }
  function renderRisk(r) {
    renderKillSwitch(r.killSwitch);
    const tbody = $('limits').tBodies[0];
    tbody.textContent = '';
    for (const l of r.limits) {
      const tr = document.createElement('tr');
      cell(tr, l.check || '-'); cell(tr, [l.strategy, l.instrument].filter((x) => x).join(' ') || 'all');
      cell(tr, l.usage === null || l.usage === undefined ? '-' : fmt(l.usage, 3)); cell(tr, fmt(l.limit, 3));
      const td = cell(tr, '');
      if (l.usageFraction !== null && l.usageFraction !== undefined) {
        const bar = document.createElement('span'); bar.className = 'bar';
        const i = document.createElement('i');
        i.style.width = Math.min(100, Math.round(100 * l.usageFraction)) + '%';
        if (l.usageFraction > 0.8) { i.className = 'hot'; }
        bar.appendChild(i); td.appendChild(bar);
      }
      tbody.appendChild(tr);
    }
  }
  function renderSignals(list) {
    const tbody = $('signals').tBodies[0];
    tbody.textContent = '';
    for (const s of list) {
      for (const [k, v] of Object.entries(s.signals)) {
        const tr = document.createElement('tr');
        cell(tr, s.strategy); cell(tr, k); cell(tr, fmt(v, 4));
        tbody.appendChild(tr);
      }
    }
    S.counts.signals++;
  }
  const signalState = new Map();
  function onSignals(m) {
    signalState.set(m.strategy, m);
    renderSignals(Array.from(signalState.values()));
  }

  // --- stream ---
  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(proto + '//' + location.host + API + '/stream');
    S.ws = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ op: 'auth', token: S.token }));
      ws.send(JSON.stringify({ op: 'subscribe',
        topics: ['top', 'book', 'trades', 'orders', 'fills', 'portfolio', 'risk', 'signals'] }));
    };
    // A frame carries one or more messages, one JSON object per line.
    ws.onmessage = (ev) => { ev.data.split('\n').forEach((line) => { if (line) { onMessage(JSON.parse(line)); } }); };
    const onMessage = (m) => {
      switch (m.type) {
        case 'authenticated': $('conn').textContent = 'live (' + m.role.toLowerCase().replace('_', '-') + ')';
          $('conn').className = 'badge on'; break;
        case 'book': renderBook(m); break;
        case 'top': if (m.instrument === S.instrument && m.bid !== null && m.ask !== null) {
          push(S.mids, [m.localTs / 1e6, (m.bid + m.ask) / 2]); S.counts.top++; S.dirty = true; } break;
        case 'trade': if (m.instrument === S.instrument) { push(S.trades, [m.localTs / 1e6, m.price]); } break;
        case 'order': onOrder(m); break;
        case 'fill': onFill(m); break;
        case 'portfolio': renderPortfolio(m); break;
        case 'status': $('engine').textContent = 'strategy ' + m.strategy + ' stopped'; break;
        case 'risk': if (m.killSwitch) { renderKillSwitch(m.killSwitch); } S.counts.risk++; break;
        case 'signals': onSignals(m); break;
        case 'error': status(m.message); break;
        default: break;
      }
    };
    ws.onclose = (ev) => {
      $('conn').textContent = 'disconnected'; $('conn').className = 'badge off';
      if (ev.code === 1008) { showLogin('stream refused: ' + ev.reason); return; }
      setTimeout(() => { if (S.token) { connect(); } }, 2000);
    };
  }

  async function load() {
    const instruments = await api('/instruments');
    S.instruments = instruments;
    const first = instruments[0];
    S.instrument = first.id;
    S.priceDigits = digits(first.tickSize);
    S.qtyDigits = digits(first.lotSize);
    $('book-instrument').textContent = first.id;
    const book = await api('/books/' + encodeURIComponent(first.id) + '?levels=10');
    renderBook(book);
    const orders = await api('/orders');
    for (const o of orders) { S.orders.set(o.orderId, o); }
    renderOrders();
    const trades = await api('/trades?limit=500&instrument=' + encodeURIComponent(first.id));
    for (const t of trades) { push(S.trades, [t.localTs / 1e6, t.price]); }
    const fills = await api('/fills?limit=200');
    for (const f of fills.reverse()) { onFill(f); }
    const portfolio = await api('/portfolio');
    if (portfolio.strategies.length) {
      const eq = await api('/equity?strategy=' + encodeURIComponent(portfolio.strategies[0].strategy));
      for (const p of eq) { push(S.equity, [p.ts / 1e6, p.equity]); }
      renderPortfolio(portfolio.strategies[0]);
    }
    renderRisk(await api('/risk'));
    const signals = await api('/signals');
    renderSignals(signals);
    $('parameters').textContent = signals.map((s) => s.strategy + ': ' + Object.entries(s.parameters)
      .map(([k, v]) => k + '=' + v).join(', ')).join('; ');
    connect();
    setInterval(() => { api('/risk').then(renderRisk).catch(() => {}); }, 2000);
    setInterval(redraw, 250);
    status('');
    document.body.dataset.ready = 'true';
  }

  async function killSwitch(engage) {
    try {
      const r = await api('/risk/kill-switch/' + (engage ? 'engage' : 'reset'), 'POST',
        engage ? { reason: 'dashboard button' } : {});
      renderKillSwitch(r.killSwitch);
      status(engage ? 'kill switch engaged' : 'kill switch reset');
    } catch (e) {
      status((engage ? 'engage' : 'reset') + ' refused: ' + e.message);
    }
  }

  function init() {
    const m = /[#&]token=([^&]+)/.exec(location.hash);
    if (m) {
      sessionStorage.setItem('qtrade.token', decodeURIComponent(m[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    S.token = sessionStorage.getItem('qtrade.token');
    $('login').addEventListener('submit', (ev) => {
      ev.preventDefault();
      sessionStorage.setItem('qtrade.token', $('token').value);
      $('token').value = '';
      location.reload();
    });
    $('kill-switch').addEventListener('click', () => killSwitch(true));
    $('ks-reset').addEventListener('click', () => killSwitch(false));
    if (!S.token) { showLogin(); return; }
    load().catch((e) => status('load failed: ' + e.message));
  }
  init();
}());
