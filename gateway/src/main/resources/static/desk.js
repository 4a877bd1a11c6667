// The desk's script, served by the gateway itself (no third-party code, no inline script).
// It holds no token: the desk's calls are made by the gateway with the editor's session.
(function () {
  'use strict';

  // "5 minutes ago" beside each time, so a busy list reads at a glance
  function ago(when) {
    var minutes = Math.round((Date.now() - when.getTime()) / 60000);
    if (minutes < 1) { return 'just now'; }
    if (minutes < 60) { return minutes + ' min ago'; }
    var hours = Math.round(minutes / 60);
    return hours < 48 ? hours + ' h ago' : Math.round(hours / 24) + ' days ago';
  }

  document.addEventListener('DOMContentLoaded', function () {
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
