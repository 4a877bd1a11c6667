// The web edition's only script, served by the gateway itself (no third-party code).
// It runs in <head>: the reader's text size is applied before the page is drawn; the rest
// (buttons, copy link, the view beacon) is wired once the document is parsed.
(function () {
  'use strict';

  var FONT_KEY = 'newsroom.fontStep';
  var STEPS = ['-2', '-1', '0', '1', '2'];
  var VISITOR_COOKIE = 'nr_vid';

  function storedStep() {
    try {
      var step = window.localStorage.getItem(FONT_KEY);
      return STEPS.indexOf(step) >= 0 ? step : '0';
    } catch (e) {
      return '0'; // storage blocked: the default size
    }
  }

  function applyStep(step) {
    document.documentElement.setAttribute('data-font-step', step);
    var buttons = document.querySelectorAll('[data-font-step]');
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i] !== document.documentElement) {
        buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-font-step') === step));
      }
    }
  }

  applyStep(storedStep());

  function visitorId() {
    var match = document.cookie.match(/(?:^|;\s*)nr_vid=([A-Za-z0-9_-]{8,64})(?:;|$)/);
    if (match) {
      return match[1];
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var id = '';
    for (var i = 0; i < bytes.length; i++) {
      id += ('0' + bytes[i].toString(16)).slice(-2);
    }
    var secure = window.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = VISITOR_COOKIE + '=' + id + '; Max-Age=31536000; Path=/; SameSite=Lax' + secure;
    return id;
  }

  // one view per page view: sent once when the article is shown
  function sendView(article) {
    var articleId = article.getAttribute('data-article-id');
    if (!articleId || article.getAttribute('data-view-sent')) {
      return;
    }
    article.setAttribute('data-view-sent', 'true');
    try {
      window.fetch('/api/rankings/views', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Visitor-Id': visitorId() },
        body: JSON.stringify({ articleId: articleId })
      }).catch(function () { /* a lost view must never disturb reading */ });
    } catch (e) { /* old browsers: no beacon */ }
  }

  function copyLink(button) {
    var url = button.getAttribute('data-copy-link');
    var status = document.querySelector('.copy-status');
    function done(message) {
      if (status) {
        status.textContent = message;
      }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done('Link copied'); }, function () { done(url); });
    } else {
      done(url);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    applyStep(storedStep());
    document.addEventListener('click', function (event) {
      var target = event.target.closest ? event.target.closest('button, a') : null;
      if (!target) {
        return;
      }
      if (target.hasAttribute('data-font-step') && target.tagName === 'BUTTON') {
        var step = target.getAttribute('data-font-step');
        try {
          window.localStorage.setItem(FONT_KEY, step);
        } catch (e) { /* the choice then lasts for this page only */ }
        applyStep(step);
      } else if (target.hasAttribute('data-copy-link')) {
        copyLink(target);
      } else if (target.hasAttribute('data-go-top')) {
        event.preventDefault();
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
    });
    var article = document.querySelector('article[data-article-id]');
    if (article) {
      sendView(article);
    }
  });
})();
