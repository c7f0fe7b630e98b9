// Pflegenetz web page: connects Bot Framework Web Chat to the bot (built-in Direct Line with polling,
// or Azure Direct Line with a token from /api/token), keeps the conversation across reloads of this
// tab, and applies the display settings. All texts come from the page (locales/*/web.json).
(function () {
  'use strict';

  var client = JSON.parse(document.getElementById('pn-client').textContent);
  var CONVERSATION_KEY = 'pflegenetz.conversation.' + client.lang;
  var DISPLAY_KEY = 'pflegenetz.display';
  var FOCUS_KEY = 'pflegenetz.focusChat';
  var FONT = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";

  var root = document.documentElement;
  var statusEl = document.getElementById('pn-status');
  var host = document.getElementById('pn-webchat');
  var biggerButton = document.getElementById('pn-bigger');
  var contrastButton = document.getElementById('pn-contrast');
  var newButton = document.getElementById('pn-new');
  var menuButton = document.getElementById('pn-menu');
  var toolbar = document.getElementById('pn-toolbar');

  var config = null;
  var domain = '';
  var session = null;
  var directLine = null;
  var store = null;
  var leaving = false;

  function read(storage, key) {
    try { return JSON.parse(storage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function write(storage, key, value) {
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode: the chat still works, it just does not survive a reload */ }
  }

  function setStatus(text, isError) {
    statusEl.textContent = text || '';
    statusEl.className = 'chat__status' + (isError ? ' chat__status--error' : '');
  }

  var narrow = window.matchMedia('(max-width: 36rem)');

  // ---- display settings ----
  var display = read(localStorage, DISPLAY_KEY) || {};

  function applyDisplay() {
    root.classList.toggle('pn-bigger', !!display.bigger);
    root.classList.toggle('pn-contrast', !!display.contrast);
    biggerButton.setAttribute('aria-pressed', String(!!display.bigger));
    contrastButton.setAttribute('aria-pressed', String(!!display.contrast));
  }

  function styleOptions() {
    var common = {
      primaryFont: FONT,
      fontSizeSmall: '85%',
      hideUploadButton: true,
      paddingRegular: 12,
      bubbleBorderRadius: 10,
      bubbleFromUserBorderRadius: 10,
      bubbleMinHeight: 44,
      bubbleMaxWidth: 680,
      bubbleBorderWidth: 1,
      bubbleFromUserBorderWidth: 1,
      // phones: one row of follow-up buttons that scrolls sideways, so they do not cover the answer
      suggestedActionLayout: narrow.matches ? 'carousel' : 'flow',
      suggestedActionsStackedLayoutButtonTextWrap: true,
      suggestedActionHeight: 48,
      suggestedActionBorderRadius: 8,
      suggestedActionBorderWidth: 2,
      sendBoxHeight: 56,
      sendBoxTextWrap: true,
      groupTimestamp: 300000,
      // a long answer opens at its start: the transcript stops scrolling once the new replies fill it
      autoScrollSnapOnPage: true,
      autoScrollSnapOnPageOffset: 0
    };
    var colours = display.contrast ? {
      accent: '#ffdd00',
      subtle: '#ffffff',
      backgroundColor: '#000000',
      bubbleBackground: '#000000',
      bubbleBorderColor: '#ffffff',
      bubbleTextColor: '#ffffff',
      bubbleFromUserBackground: '#000000',
      bubbleFromUserBorderColor: '#ffdd00',
      bubbleFromUserTextColor: '#ffffff',
      cardEmphasisBackgroundColor: '#000000',
      notificationText: '#ffffff',
      timestampColor: '#ffffff',
      sendBoxBackground: '#000000',
      sendBoxTextColor: '#ffffff',
      sendBoxPlaceholderColor: '#e6e6e6',
      sendBoxBorderTop: 'solid 2px #ffffff',
      sendBoxButtonColor: '#ffdd00',
      sendBoxButtonColorOnHover: '#ffdd00',
      sendBoxButtonShadeColorOnHover: '#333333',
      sendBoxButtonKeyboardFocusIndicatorBorderColor: '#ffffff',
      suggestedActionBackgroundColor: '#000000',
      suggestedActionBackgroundColorOnHover: '#333333',
      suggestedActionBackgroundColorOnActive: '#333333',
      suggestedActionTextColor: '#ffdd00',
      suggestedActionBorderColor: '#ffdd00',
      suggestedActionKeyboardFocusIndicatorBorderColor: '#ffffff',
      suggestedActionsVisualKeyboardIndicatorColor: '#ffffff',
      transcriptActivityVisualKeyboardIndicatorColor: '#ffffff',
      transcriptVisualKeyboardIndicatorColor: '#ffffff'
    } : {
      accent: '#0b5c7a',
      subtle: '#4f5a61',
      backgroundColor: '#ffffff',
      bubbleBackground: '#ffffff',
      bubbleBorderColor: '#b9c6cc',
      bubbleTextColor: '#1c2428',
      bubbleFromUserBackground: '#e2eff3',
      bubbleFromUserBorderColor: '#8fb7c6',
      bubbleFromUserTextColor: '#1c2428',
      notificationText: '#444f56',
      timestampColor: '#4f5a61',
      sendBoxBackground: '#ffffff',
      sendBoxTextColor: '#1c2428',
      sendBoxPlaceholderColor: '#5b666d',
      sendBoxBorderTop: 'solid 2px #b9c6cc',
      sendBoxButtonColor: '#0b5c7a',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionTextColor: '#0b5c7a',
      suggestedActionBorderColor: '#0b5c7a',
      suggestedActionKeyboardFocusIndicatorBorderColor: '#1c2428'
    };
    return Object.assign(common, colours);
  }

  function render() {
    if (!directLine) return;
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      locale: client.webchatLocale,
      dir: client.dir,
      role: 'region',
      styleOptions: styleOptions()
    }, host);
  }

  biggerButton.addEventListener('click', function () {
    display.bigger = !display.bigger;
    write(localStorage, DISPLAY_KEY, display);
    applyDisplay();
    render();
  });
  contrastButton.addEventListener('click', function () {
    display.contrast = !display.contrast;
    write(localStorage, DISPLAY_KEY, display);
    applyDisplay();
    render();
  });
  applyDisplay();

  // ---- menu: on narrow screens the display buttons and "new conversation" sit behind one button
  // (CSS decides when it shows); without this script the toolbar simply stays open ----
  function setMenu(open) {
    menuButton.setAttribute('aria-expanded', String(open));
    root.classList.toggle('pn-menu-open', open);
  }
  root.classList.add('pn-menu-ready');
  menuButton.hidden = false;
  menuButton.addEventListener('click', function () {
    setMenu(menuButton.getAttribute('aria-expanded') !== 'true');
  });
  toolbar.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true' && getComputedStyle(menuButton).display !== 'none') {
      setMenu(false);
      menuButton.focus();
    }
  });

  // ---- a new answer starts in view ----
  // Web Chat's own scroll snap (style options autoScrollSnapOnPage) stops at the start of the
  // bot's first reply after the user's message when the answer is taller than the chat.

  // a card button that opens more of the card (the sources list) brings what it opened into view
  host.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('.ac-pushButton');
    if (!button) return;
    requestAnimationFrame(function () {
      var card = button.closest('.ac-adaptiveCard');
      var scroller = host.querySelector('.webchat__basic-transcript__scrollable');
      var opened = button.classList.contains('expanded') || button.getAttribute('aria-expanded') === 'true';
      if (!card || !scroller || !opened) return;
      // only the transcript moves; the page with the title and the emergency line stays where it is
      var below = card.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom;
      if (below > 0) scroller.scrollTop += below;
    });
  }, true); // capture: the card's own handler stops the click from bubbling

  // ---- conversation ----
  // The server picks the user id and binds it to the token; the page never chooses one.
  async function startFresh() {
    var res = await fetch(config.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (!res.ok) throw new Error('token request failed: ' + res.status);
    var t = await res.json();
    var s = { conversationId: t.conversationId, token: t.token, resumed: false };
    write(sessionStorage, CONVERSATION_KEY, s);
    return s;
  }

  // The tab's earlier conversation, if the service still knows it and the token is still valid.
  async function resume(saved) {
    if (!saved || !saved.conversationId || !saved.token) return null;
    try {
      var res = await fetch(domain + '/conversations/' + encodeURIComponent(saved.conversationId) + '?watermark=', {
        headers: { Authorization: 'Bearer ' + saved.token, Accept: 'application/json' }
      });
      if (!res.ok) return null;
      var t = await res.json();
      var s = { conversationId: saved.conversationId, token: t.token || saved.token, resumed: true };
      write(sessionStorage, CONVERSATION_KEY, s);
      return s;
    } catch (e) {
      return null;
    }
  }

  function rememberToken() {
    if (directLine && session && directLine.token && directLine.token !== session.token) {
      session.token = directLine.token;
      write(sessionStorage, CONVERSATION_KEY, session);
    }
  }

  function focusSendBoxSoon() {
    var tries = 0;
    var timer = setInterval(function () {
      var input = host.querySelector('input[type="text"], textarea');
      if (input || ++tries > 50) {
        clearInterval(timer);
        if (input) input.focus();
      }
    }, 100);
  }

  newButton.addEventListener('click', async function () {
    leaving = true;
    rememberToken();
    if (config && config.mode === 'local' && session) {
      try {
        await fetch(domain + '/conversations/' + encodeURIComponent(session.conversationId), {
          method: 'DELETE',
          headers: { Authorization: 'Bearer ' + session.token }
        });
      } catch (e) { /* the old conversation expires by itself */ }
    }
    write(sessionStorage, CONVERSATION_KEY, null);
    write(sessionStorage, FOCUS_KEY, true);
    location.reload();
  });

  async function start() {
    if (!window.WebChat) throw new Error('Web Chat did not load');
    var res = await fetch('/api/webchat-config', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error('config request failed: ' + res.status);
    config = await res.json();
    domain = /^https?:/.test(config.domain) ? config.domain : location.origin + config.domain;

    session = (await resume(read(sessionStorage, CONVERSATION_KEY))) || (await startFresh());
    var options = {
      token: session.token,
      domain: domain,
      webSocket: !!config.webSocket,
      conversationStartProperties: { locale: client.webchatLocale }
    };
    if (config.pollingIntervalMs) options.pollingInterval = config.pollingIntervalMs;
    // With a conversation id Direct Line reconnects and replays the history from the start.
    if (session.resumed) options.conversationId = session.conversationId;
    directLine = window.WebChat.createDirectLine(options);
    store = window.WebChat.createStore();
    directLine.connectionStatus$.subscribe(function (s) {
      if (leaving) return;
      if (s === 2) setStatus('');
      else if (s === 4) setStatus(client.strings.connectError, true);
      else if (s === 5) setStatus(client.strings.ended, true);
    });
    render();
    setInterval(rememberToken, 30000);
    window.addEventListener('pagehide', rememberToken);
    if (read(sessionStorage, FOCUS_KEY)) {
      write(sessionStorage, FOCUS_KEY, null);
      focusSendBoxSoon();
    }
  }

  start().catch(function () {
    setStatus(client.strings.connectError, true);
  });
})();
