// The story list's and the history page's script: the admins' Delete buttons. Everything else on
// these pages (filters, paging, choosing versions) is plain links and GET forms that work without it.
// Deleting goes through the desk's API relay with Desk.api (desk.js), which adds the CSRF token and,
// if the session has ended, asks the editor to sign in again and retries.
(function () {
  'use strict';

  function say(message, kind) {
    if (window.Desk && window.Desk.announce) {
      window.Desk.announce(message, kind);
    }
  }

  function problemText(response) {
    var fallback = 'article-service answered ' + response.status + '.';
    if (!window.Desk || !window.Desk.problem) {
      return Promise.resolve(fallback);
    }
    return window.Desk.problem(response).then(function (problem) {
      return problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : fallback;
    }, function () { return fallback; });
  }

  // after a row goes: focus the next row's headline (or the previous one's, or the page heading)
  function focusAfter(row) {
    var next = row.nextElementSibling || row.previousElementSibling;
    var link = next && next.querySelector('a');
    if (link) {
      link.focus();
      return;
    }
    var heading = document.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  function remove(button) {
    var id = button.getAttribute('data-id');
    var headline = button.getAttribute('data-headline') || 'this story';
    var sure = window.confirm('Delete the story \u201c' + headline + '\u201d?\n\n' +
      'Readers lose it at once, and it cannot be brought back. Its history keeps a note of the deletion.');
    if (!sure) {
      return;
    }
    button.disabled = true;
    window.Desk.api('DELETE', '/desk/api/articles/' + encodeURIComponent(id)).then(function (response) {
      if (response.status === 204 || response.status === 404) {
        // 404: someone else deleted it first; either way it is gone
        var after = button.getAttribute('data-after-delete');
        if (after) {
          window.location.assign(after);
          return;
        }
        var row = button.closest('tr');
        if (row) {
          focusAfter(row);
          row.parentNode.removeChild(row);
        }
        say('Deleted \u201c' + headline + '\u201d.', 'status');
        return;
      }
      button.disabled = false;
      return problemText(response).then(function (text) {
        say('\u201c' + headline + '\u201d was not deleted: ' + text, 'alert');
      });
    }, function () {
      button.disabled = false;
      say('\u201c' + headline + '\u201d was not deleted: the desk could not be reached. Try again.', 'alert');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Desk || !window.Desk.api) {
      return; // without the shared script the buttons stay hidden rather than do nothing
    }
    var buttons = document.querySelectorAll('button[data-delete-story]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function (event) {
        remove(event.currentTarget);
      });
    }
  });
}());
