// play.js loads the game in play.html: it checks for WebAssembly and WebGL,
// downloads game.wasm with a progress bar driven by the streamed bytes,
// passes the URL parameters to the game as command-line flags, runs it, and
// shows the start gate that gives the canvas keyboard focus. The game's
// bridge (game/bridge_js.go) calls window.longtailPublish with the page
// state; it is handed on to the page around the iframe.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const loader = $('loader');
  const progress = $('progress');
  const status = $('status');
  const bytesText = $('bytes');
  const gate = $('gate');
  const start = $('start');
  let stderr = '';
  let failed = false;

  // mark records when a loading step ended, in milliseconds since the epoch
  // (window.longtailTiming; the budgets test reads it).
  const timing = {};
  window.longtailTiming = timing;
  function mark(name) { timing[name] = performance.timeOrigin + performance.now(); }

  // The page around us, when it is ours (same origin); null otherwise.
  function page() {
    try {
      if (window.parent !== window && window.parent.longtailPage) return window.parent.longtailPage;
    } catch (e) { /* a cross-origin parent */ }
    return null;
  }

  function fail(title, text) {
    if (failed) return;
    failed = true;
    loader.hidden = true;
    gate.hidden = true;
    $('error-title').textContent = title;
    $('error-text').textContent = text;
    if (stderr.trim()) {
      const log = $('error-log');
      log.textContent = stderr.trim().split('\n').slice(-12).join('\n');
      log.hidden = false;
    }
    $('error').hidden = false;
    window.longtailError = title + ': ' + text;
  }

  window.longtailPublish = (state) => {
    if (!timing.firstFrame) mark('firstFrame');
    window.longtail = state;
    const p = page();
    if (p) p.publish(state);
  };

  // longtailStart opens the gate: it hides it and focuses the canvas. It
  // returns whether the gate was open to be started.
  window.longtailStart = () => {
    if (gate.hidden || failed) return false;
    gate.hidden = true;
    window.focus();
    const canvas = document.querySelector('canvas');
    if (canvas) canvas.focus();
    return true;
  };
  // longtailReady reports whether the gate is waiting to be started.
  window.longtailReady = () => !gate.hidden && !failed;
  gate.addEventListener('click', (e) => { e.preventDefault(); window.longtailStart(); });
  start.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); window.longtailStart(); }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !gate.hidden && e.target !== start) { e.preventDefault(); window.longtailStart(); }
  });

  // params returns the URL parameters: those of the page around us when it
  // is on this site (index.html?chapter=1 holds play.html), else our own.
  // The frame's own ?lang= (index.zh-Hans.html holds play.html?lang=zh-Hans)
  // counts when the page's URL does not say.
  function params() {
    const own = new URLSearchParams(location.search);
    try {
      if (window.parent !== window && window.parent.location.origin === location.origin) {
        const q = new URLSearchParams(window.parent.location.search);
        if (!q.has('lang') && own.has('lang')) q.set('lang', own.get('lang'));
        return q;
      }
    } catch (e) { /* a cross-origin parent */ }
    return own;
  }

  // argv turns the URL parameters into the game's flags.
  async function argv() {
    const q = params();
    const args = ['longtail'];
    const chapter = q.get('chapter');
    if (chapter !== null && /^\d{1,3}$/.test(chapter)) args.push('-chapter=' + chapter);
    const seed = q.get('seed');
    if (seed !== null && /^\d{1,20}$/.test(seed)) args.push('-seed=' + seed);
    // The languages the game has screens in (game/i18n, written into the
    // page by longtail-serve); others stay English.
    const langs = (body.dataset.langs || 'en').split(/\s+/).filter(Boolean);
    const lang = q.get('lang');
    if (lang !== null && langs.includes(lang)) args.push('-lang=' + lang);
    // Where the Chinese faces are: the game fetches them only when Chinese
    // is chosen, so the English download stays as it was.
    const d = body.dataset;
    if (d.cjkRegular && d.cjkBold) {
      args.push('-cjk-regular=' + new URL(d.cjkRegular, location.href).href);
      args.push('-cjk-bold=' + new URL(d.cjkBold, location.href).href);
      if (/^\d{1,9}$/.test(d.cjkSize || '')) args.push('-cjk-bytes=' + d.cjkSize);
      // The Chinese chapters come with the faces.
      if (d.editionZh) args.push('-edition-zh=' + new URL(d.editionZh, location.href).href);
    }
    const sandbox = q.get('sandbox');
    if (sandbox !== null && sandbox !== '0' && sandbox !== 'false') {
      args.push('-sandbox');
      // ?providers=N scales the sandbox's network (the frame-rate budget).
      const providers = q.get('providers');
      if (providers !== null && /^\d{1,5}$/.test(providers) && +providers >= 10 && +providers <= 20000) {
        args.push('-providers=' + providers);
      }
    }
    // A damaged ?a= still goes to the game, which says what is wrong with it.
    const a = q.get('a');
    if (a !== null && a !== '') args.push('-assignment-data=' + a.slice(0, 100000));
    const assignment = q.get('assignment');
    if (!a && assignment) args.push('-assignment-data=' + await fetchAssignment(assignment));
    return args;
  }

  // fetchAssignment fetches an assignment file from this site and encodes it
  // like the ?a= parameter: base64url of the raw-deflated text.
  async function fetchAssignment(ref) {
    const url = new URL(ref, location.href);
    if (url.origin !== location.origin) {
      throw new Error('the assignment must come from this site (' + location.origin + '), not ' + url.origin);
    }
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error('could not load the assignment ' + url.pathname + ' (HTTP ' + res.status + ')');
    const text = await res.text();
    return encodeAssignment(text);
  }

  async function encodeAssignment(text) {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const buf = new Uint8Array(await new Response(stream).arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function showBytes(loaded, total) {
    const mb = (n) => (n / 1e6).toFixed(1);
    if (total > 0) {
      progress.max = total;
      progress.value = Math.min(loaded, total);
      bytesText.textContent = mb(Math.min(loaded, total)) + ' of ' + mb(total) + ' MB';
    } else {
      progress.removeAttribute('value');
      bytesText.textContent = mb(loaded) + ' MB';
    }
  }

  // download fetches the game and returns a Response whose body counts the
  // bytes as they arrive. The total is the size written into the page at
  // build time; without it, X-Uncompressed-Length, or Content-Length when
  // the response is not content-encoded (with Content-Encoding, the length
  // counts compressed bytes while the stream yields decompressed ones).
  async function download(url) {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error('could not download the game (HTTP ' + res.status + ')');
    let total = Number(body.dataset.wasmSize) || 0;
    if (!total) total = Number(res.headers.get('X-Uncompressed-Length')) || 0;
    const enc = res.headers.get('Content-Encoding');
    if (!total && (!enc || enc === 'identity')) total = Number(res.headers.get('Content-Length')) || 0;
    if (!res.body || typeof TransformStream !== 'function') return res;
    let loaded = 0;
    showBytes(0, total);
    const counted = res.body.pipeThrough(new TransformStream({
      transform(chunk, ctrl) {
        loaded += chunk.byteLength;
        showBytes(loaded, total);
        ctrl.enqueue(chunk);
      },
      flush() { mark('downloaded'); },
    }));
    return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
  }

  function mayTakeFocus() {
    try {
      if (window.parent === window || window.parent !== window.top) return false;
      const d = window.parent.document;
      return d.hasFocus() && (!d.activeElement || d.activeElement === d.body);
    } catch (e) {
      return false;
    }
  }

  function webGL() {
    try {
      const c = document.createElement('canvas');
      return !!(c.getContext('webgl2') || c.getContext('webgl'));
    } catch (e) {
      return false;
    }
  }

  async function main() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      fail('WebAssembly is not available', 'This browser cannot run WebAssembly, or it is switched off. Try a current Firefox, Chrome, Edge or Safari.');
      return;
    }
    if (!webGL()) {
      fail('WebGL is not available', 'The game draws with WebGL, which this browser has switched off or does not support. Turn on hardware acceleration, or try another browser.');
      return;
    }
    if (typeof Go !== 'function') {
      fail('The game could not load', 'wasm_exec.js did not load.');
      return;
    }
    const go = new Go();
    // Keep the game's last output for the error panel.
    const fs = globalThis.fs;
    if (fs && typeof fs.writeSync === 'function' && typeof fs.write === 'function') {
      const writeSync = fs.writeSync.bind(fs);
      const write = fs.write.bind(fs);
      const dec = new TextDecoder();
      const keep = (fd, buf) => { if (fd === 2) stderr = (stderr + dec.decode(buf)).slice(-4000); };
      fs.writeSync = (fd, buf) => { keep(fd, buf); return writeSync(fd, buf); };
      fs.write = (fd, buf, offset, length, position, callback) => {
        keep(fd, buf.subarray(offset, offset + length));
        return write(fd, buf, offset, length, position, callback);
      };
    }
    go.argv = await argv();
    window.longtailArgv = go.argv.slice();
    mark('fetch');
    const res = await download(body.dataset.wasm);
    let result;
    if (typeof WebAssembly.instantiateStreaming === 'function') {
      result = await WebAssembly.instantiateStreaming(res, go.importObject);
    } else {
      result = await WebAssembly.instantiate(await res.arrayBuffer(), go.importObject);
    }
    mark('instantiated');
    // The game's start is a long task on the thread the page shares with
    // it; let the page paint its text first.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    status.textContent = 'Starting…';
    loader.hidden = true;
    loader.removeAttribute('aria-busy');
    gate.hidden = false;
    // The game runs only while its document has the focus (it pauses
    // otherwise). When our page is the whole tab and the reader has not
    // put the focus anywhere yet, give it to the start button, as a game
    // page without an iframe would; inside another site's iframe (an LMS),
    // never take the focus.
    if (mayTakeFocus()) start.focus({ preventScroll: true });
    mark('run');
    go.run(result.instance).then(() => {
      fail('The game stopped', 'The game ended unexpectedly. Reload the page to play again; your progress is saved.');
    });
  }

  main().catch((err) => fail('The game could not load', String(err && err.message ? err.message : err)));
})();
