// The desk's shared script, served by the gateway itself (no third-party code, no inline script).
// It holds no access token: the gateway relays the pages' calls (/desk/api/**) with the editor's
// session. Each page's own script (desk-*.js) builds on window.Desk.
(function () {
  'use strict';

  var UNSAFE = { POST: true, PUT: true, PATCH: true, DELETE: true };
  var SIGN_IN = '/oauth2/authorization/news-desk';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  var csrf = { header: meta('csrf-header') || 'X-CSRF-TOKEN', token: meta('csrf-token') };

  // every call that met an ended session waits on the same sign-in
  var signedBackIn = null;

  var Desk = window.Desk = {};

  // fetch() for the desk's API: the CSRF token on state-changing calls; a call that meets an
  // ended session waits until the editor has signed in again (in another tab, so nothing typed
  // here is lost) and is then sent again with the new session's token
  Desk.api = function (method, path, options) {
    options = options || {};
    function send() {
      var headers = new Headers(options.headers || {});
      if (!headers.has('Accept')) { headers.set('Accept', 'application/json, application/problem+json'); }
      var body = options.body;
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers.set('Content-Type', options.contentType || 'application/json');
      }
      if (UNSAFE[method]) { headers.set(csrf.header, csrf.token); }
      return fetch(path, { method: method, headers: headers, body: body, credentials: 'same-origin', redirect: 'error' });
    }
    return send().then(function (response) {
      if (response.status === 401) {
        return waitForSignIn().then(send);
      }
      if (response.status === 403 && UNSAFE[method]) {
        // the session changed under this page (signed in again elsewhere): one more try with its token
        return Desk.problem(response.clone()).then(function (problem) {
          return problem && /csrf-refused$/.test(problem.type) ? refreshSession().then(send) : response;
        });
      }
      return response;
    });
  };

  // the problem+json body of an answer, or null when it has none
  Desk.problem = function (response) {
    var type = response.headers.get('Content-Type') || '';
    if (type.indexOf('application/problem+json') !== 0) { return Promise.resolve(null); }
    return response.json().catch(function () { return null; });
  };

  // says something to everyone, screen readers included: kind 'alert' interrupts, others wait
  Desk.announce = function (message, kind) {
    var region = document.getElementById(kind === 'alert' ? 'desk-alert' : 'desk-status');
    if (region) {
      region.textContent = '';
      region.textContent = message;
    }
  };

  function refreshSession() {
    return fetch('/desk/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin', redirect: 'error' })
      .then(function (response) {
        if (!response.ok) { throw new Error('still signed out'); }
        return response.json();
      })
      .then(function (session) {
        csrf = session.csrf;
        return session;
      });
  }

  function waitForSignIn() {
    if (signedBackIn) { return signedBackIn; }
    var banner = document.getElementById('desk-signed-out');
    banner.hidden = false;
    banner.querySelector('a').focus();
    Desk.announce('Your session has ended. Sign in again in the new tab; what you typed stays here.', 'alert');
    signedBackIn = new Promise(function (resolve) {
      function check() {
        refreshSession().then(function () {
          window.removeEventListener('focus', check);
          clearInterval(timer);
          banner.hidden = true;
          signedBackIn = null;
          Desk.announce('Signed in again. Sending what was waiting.');
          resolve();
        }, function () { /* not yet: wait for the next check */ });
      }
      var timer = setInterval(check, 3000);
      window.addEventListener('focus', check);
    });
    return signedBackIn;
  }

  // "5 minutes ago" beside each time, so a busy list reads at a glance
  function ago(when) {
    var minutes = Math.round((Date.now() - when.getTime()) / 60000);
    if (minutes < 1) { return 'just now'; }
    if (minutes < 60) { return minutes + ' min ago'; }
    var hours = Math.round(minutes / 60);
    return hours < 48 ? hours + ' h ago' : Math.round(hours / 24) + ' days ago';
  }

  function liveRegion(id, role) {
    var region = document.createElement('div');
    region.id = id;
    region.className = 'desk-live';
    region.setAttribute('role', role);
    document.body.appendChild(region);
  }

  function signedOutBanner() {
    var banner = document.createElement('div');
    banner.id = 'desk-signed-out';
    banner.className = 'desk-problem desk-signed-out';
    banner.hidden = true;
    banner.setAttribute('data-signed-out', '');
    var text = document.createElement('p');
    text.textContent = 'Your session has ended. What you typed is still here: sign in again in a new tab, '
      + 'then come back; the desk sends what was waiting by itself.';
    var link = document.createElement('a');
    link.href = SIGN_IN;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Sign in again (opens a new tab)';
    banner.appendChild(text);
    banner.appendChild(link);
    document.body.insertBefore(banner, document.body.firstChild);
  }

  document.addEventListener('DOMContentLoaded', function () {
    liveRegion('desk-status', 'status');
    liveRegion('desk-alert', 'alert');
    signedOutBanner();
    var times = document.querySelectorAll('time[data-ago][datetime]');
    for (var i = 0; i < times.length; i++) {
      var when = new Date(times[i].getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        times[i].setAttribute('title', times[i].textContent);
        times[i].textContent = times[i].textContent + ' (' + ago(when) + ')';
      }
    }
    // one sign-out per click: a second POST would carry a token of a session already ended
    var forms = document.querySelectorAll('form[data-sign-out]');
    for (var j = 0; j < forms.length; j++) {
      forms[j].addEventListener('submit', function (event) {
        var button = event.target.querySelector('button');
        if (button) { button.disabled = true; }
      });
    }
  });
}());
