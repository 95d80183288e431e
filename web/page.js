// page.js runs the page around the game (play.html in an iframe, which
// reads this page's URL parameters): it shows the chapter being played, fills the
// metrics and goals tables and the polite live region from what the game
// publishes (game/bridge_js.go calls window.longtailPublish in the iframe,
// which hands the state to window.longtailPage.publish here).
'use strict';
(() => {
  const frame = document.getElementById('game');
  const announce = document.getElementById('announce');
  const metricsBody = document.querySelector('#metrics tbody');
  const goalsBody = document.querySelector('#goals tbody');
  const whyBox = document.getElementById('why');
  // The page's words, in its language (web/index.html's data- attributes).
  const goalsTable = document.getElementById('goals');
  const words = {
    noGoals: goalsTable.dataset.empty, met: goalsTable.dataset.met, missed: goalsTable.dataset.missed,
    noRound: document.getElementById('metrics').dataset.empty,
    decision: whyBox.dataset.decision, baseline: whyBox.dataset.baseline, played: whyBox.dataset.played, noGoalsShort: whyBox.dataset.empty,
  };
  const articles = Array.from(document.querySelectorAll('article.chapter'));
  const timing = { firstFrame: 0 };
  let shownChapter = null;
  let lastAnnounce = '';

  // showChapter shows the chapter's text and hides the others (all stay in
  // the document for printing; see style.css). Unknown numbers show all.
  function showChapter(n) {
    if (n === shownChapter) return;
    const known = articles.some((a) => Number(a.dataset.chapter) === n);
    for (const a of articles) a.hidden = known && Number(a.dataset.chapter) !== n;
    shownChapter = n;
  }

  function cell(tag, text, attrs) {
    const c = document.createElement(tag);
    c.textContent = text;
    if (attrs) for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, v);
    return c;
  }

  function fill(body, rows, empty, cols) {
    const out = [];
    for (const r of rows) out.push(r);
    if (out.length === 0) {
      const tr = document.createElement('tr');
      tr.append(cell('td', empty, { colspan: String(cols) }));
      out.push(tr);
    }
    body.replaceChildren(...out);
  }

  // showWhy fills the results screen's analysis tables, or hides them
  // until there is an analysis.
  function showWhy(why) {
    whyBox.hidden = !why;
    if (!why) return;
    const head = document.querySelector('#why-contrib thead tr');
    head.replaceChildren(cell('th', words.decision, { scope: 'col' }), ...why.goals.map((g) => cell('th', g, { scope: 'col' })));
    const row = (label, values) => {
      const tr = document.createElement('tr');
      tr.append(cell('th', label, { scope: 'row' }), ...values.map((v) => cell('td', v)));
      return tr;
    };
    fill(document.querySelector('#why-contrib tbody'), [
      row(words.baseline, why.baseline),
      ...why.contributions.map((c) => row(c.lever, c.values)),
      row(words.played, why.played),
    ], '', why.goals.length + 1);
    fill(document.querySelector('#why-luck tbody'), why.luck.map((l) => row(l.goal, [l.policy, l.baseline, l.own])), words.noGoalsShort, 4);
  }

  function publish(state) {
    window.longtail = state;
    if (!timing.firstFrame) timing.firstFrame = performance.now();
    // The title screen has no chapter; keep the text the reader has.
    if (typeof state.chapter === 'number' && state.scene !== 'title') showChapter(state.chapter);
    fill(metricsBody, (state.rows || []).map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.metric = r.key;
      tr.append(cell('th', r.label, { scope: 'row' }), cell('td', r.value));
      return tr;
    }), words.noRound, 2);
    fill(goalsBody, (state.goals || []).map((g) => {
      const tr = document.createElement('tr');
      tr.className = g.met ? 'met' : 'missed';
      tr.append(cell('th', g.label, { scope: 'row' }), cell('td', g.value), cell('td', g.met ? words.met : words.missed));
      return tr;
    }), words.noGoals, 3);
    showWhy(state.why);
    if (state.announce && state.announce !== lastAnnounce) announce.textContent = state.announce;
    lastAnnounce = state.announce || '';
  }

  window.longtailPage = { publish, timing };

  const params = new URLSearchParams(location.search);
  // ?lang= chooses the edition: the English page sends ?lang=zh-Hans on to
  // the Chinese one (index.zh-Hans.html), with the other parameters.
  const other = document.getElementById('language');
  const lang = params.get('lang');
  if (other && lang && lang !== document.documentElement.lang && other.hreflang === lang) {
    params.delete('lang');
    const q = params.toString();
    location.replace(other.getAttribute('href') + (q ? '?' + q : '') + location.hash);
    return;
  }
  const ch = params.get('chapter');
  showChapter(ch !== null && /^\d{1,2}$/.test(ch) ? Number(ch) : 0);

  // Links in the chapter list show that chapter's text.
  for (const a of document.querySelectorAll('nav.chapters a[data-chapter]')) {
    a.addEventListener('click', () => showChapter(Number(a.dataset.chapter)));
  }
  window.addEventListener('hashchange', () => {
    const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const art = t && t.closest('article.chapter');
    if (art) showChapter(Number(art.dataset.chapter));
  });

  // Enter on the page (outside links and controls) starts the game like the
  // gate in the iframe does, and moves the keyboard focus into the game.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.defaultPrevented) return;
    const t = e.target;
    if (t && t !== document.body && t !== document.documentElement) return;
    const w = frame.contentWindow;
    if (w && typeof w.longtailStart === 'function' && w.longtailReady && w.longtailReady()) {
      e.preventDefault();
      frame.focus();
      w.longtailStart();
    }
  });

  // The game may have published before this script ran.
  try {
    const w = frame.contentWindow;
    if (w && w.longtail) publish(w.longtail);
  } catch (e) { /* not loaded yet */ }
})();
