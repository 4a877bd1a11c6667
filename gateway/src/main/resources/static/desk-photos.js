// The desk's photo pages (/desk/photos and /desk/photos/{id}): upload with the file's own
// metadata shown first, saving a photo's fields, and an admin's takedown. Every call goes through
// Desk.api (desk.js): the gateway relays it with the editor's session, and a call that meets an
// ended session waits for the editor to sign in again, so nothing typed here is lost.
(function () {
  'use strict';

  var FIELDS = ['caption', 'altText', 'credit', 'creator', 'source', 'copyrightNotice', 'usageTerms', 'rightsExpireAt'];
  // what media-service can read from a file (IPTC, XMP, EXIF)
  var FROM_FILE = ['caption', 'altText', 'credit', 'creator', 'source', 'copyrightNotice', 'usageTerms'];
  var MAX_BYTES = 25 * 1024 * 1024;
  var STATUS_WORDS = { DRAFT: 'draft', SCHEDULED: 'scheduled', PUBLISHED: 'published', WITHDRAWN: 'withdrawn' };

  // --- times: the newsroom's zone, whatever the browser's ------------------------------------------

  // the zone's offset from UTC (ms) at an instant, from the browser's own time zone data
  function offsetAt(instant, zone) {
    var parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(new Date(instant));
    var v = {};
    parts.forEach(function (part) { v[part.type] = part.value; });
    var wall = Date.UTC(+v.year, +v.month - 1, +v.day, +v.hour % 24, +v.minute, +v.second);
    return wall - Math.floor(instant / 1000) * 1000;
  }

  // a datetime-local value ("2026-12-31T23:59"), read as a wall-clock time in the zone, as ISO-8601 UTC
  function zonedToIso(local, zone) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
    if (!m) { return null; }
    var wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    var guess = wall - offsetAt(wall, zone);
    return new Date(wall - offsetAt(guess, zone)).toISOString();
  }

  // --- fields and their errors ---------------------------------------------------------------------

  function input(form, field) {
    return form.querySelector('[data-field="' + field + '"]');
  }

  function raw(form, field) {
    var element = input(form, field);
    return element ? element.value.trim() : '';
  }

  // the value to send: text as typed, the expiry as an instant, null for empty
  function value(form, field) {
    var text = raw(form, field);
    if (text === '') { return null; }
    return field === 'rightsExpireAt' ? zonedToIso(text, form.getAttribute('data-zone') || 'UTC') : text;
  }

  function clearErrors(form) {
    var errors = form.querySelectorAll('[data-error-for]');
    for (var i = 0; i < errors.length; i++) { errors[i].textContent = ''; }
    var invalid = form.querySelectorAll('[aria-invalid]');
    for (var j = 0; j < invalid.length; j++) { invalid[j].removeAttribute('aria-invalid'); }
  }

  // each error next to the field it names; the first field in error gets the focus
  function showErrors(form, errors, fallback) {
    var first = null;
    var unplaced = [];
    (errors || []).forEach(function (error) {
      var name = String(error.field || '').split('.')[0];
      var place = form.querySelector('[data-error-for="' + name + '"]');
      var element = input(form, name);
      if (place && element) {
        place.textContent = error.message;
        element.setAttribute('aria-invalid', 'true');
        first = first || element;
      } else {
        unplaced.push((error.field ? error.field + ': ' : '') + error.message);
      }
    });
    if (first) { first.focus(); }
    var message = unplaced.length ? unplaced.join(' ') : (first ? 'Please correct the fields marked.' : fallback);
    if (message) { Desk.announce(message, 'alert'); }
  }

  function problemOf(response) {
    return Desk.problem(response).then(function (problem) { return problem || {}; });
  }

  // --- upload: read the file, show what it says, confirm ------------------------------------------

  function setUpUpload(section) {
    var fileInput = section.querySelector('[data-upload-file]');
    var fileError = section.querySelector('[data-upload-file-error]');
    var reading = section.querySelector('[data-upload-reading]');
    var existing = section.querySelector('[data-upload-existing]');
    var form = section.querySelector('[data-upload-confirm]');
    var preview = form.querySelector('[data-upload-preview]');
    var facts = form.querySelector('[data-upload-facts]');
    var submit = form.querySelector('[data-upload-submit]');
    var zone = section.querySelector('[data-drop-zone]');
    var chosen = null;
    var fromFile = {};

    function reset() {
      chosen = null;
      fromFile = {};
      form.hidden = true;
      existing.hidden = true;
      reading.hidden = true;
      fileError.textContent = '';
      fileInput.removeAttribute('aria-invalid');
      clearErrors(form);
      form.reset();
      preview.hidden = true;
      preview.removeAttribute('src');
    }

    function refuseFile(message) {
      fileError.textContent = message;
      fileInput.setAttribute('aria-invalid', 'true');
      Desk.announce(message, 'alert');
      fileInput.focus();
    }

    function read(file) {
      reset();
      if (!file) { return; }
      if (file.size > MAX_BYTES) {
        refuseFile('The file is larger than 25 MB.');
        return;
      }
      chosen = file;
      reading.hidden = false;
      var body = new FormData();
      body.append('file', file, file.name);
      Desk.api('POST', '/desk/api/media/metadata', { body: body }).then(function (response) {
        reading.hidden = true;
        if (chosen !== file) { return null; }
        if (!response.ok) {
          return problemOf(response).then(function (problem) {
            refuseFile(response.status === 413 ? 'The file is larger than 25 MB.'
              : (problem.detail || 'The file cannot be read as a photo (' + response.status + ').'));
          });
        }
        return response.json().then(function (found) { offer(file, found); });
      }, function () {
        reading.hidden = true;
        refuseFile('The file could not be sent: the connection failed. Try again.');
      });
    }

    function offer(file, found) {
      if (found.existingId) {
        existing.querySelector('[data-upload-existing-link]').href = '/desk/photos/' + encodeURIComponent(found.existingId);
        existing.hidden = false;
        Desk.announce('This photo is already in the library.');
        return;
      }
      FROM_FILE.forEach(function (field) {
        var given = found[field];
        input(form, field).value = given || '';
        var mark = form.querySelector('[data-from-file="' + field + '"]');
        if (mark) { mark.hidden = !given; }
        if (given) { fromFile[field] = true; }
      });
      facts.textContent = file.name + ': ' + found.width + ' × ' + found.height + ' px, ' + found.contentType + ', '
        + (file.size / (1024 * 1024)).toFixed(1) + ' MB'
        + (found.creditLine && found.creditLine !== found.credit ? '. Readers will see the credit as “' + found.creditLine + '”.' : '.');
      showPreview(file);
      form.hidden = false;
      form.querySelector('h3').focus();
      Desk.announce(found.credit ? 'The file says who to credit. Check the details, then upload.'
        : 'The file names no credit: a credit is required before the photo can be stored.');
    }

    // the picture itself, from the file in this browser (a data: URL: the desk's policy allows
    // images from the site and data: only)
    function showPreview(file) {
      if (!window.FileReader || file.size > 12 * 1024 * 1024) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        if (chosen === file) {
          preview.src = reader.result;
          preview.alt = 'The photo being uploaded';
          preview.hidden = false;
        }
      };
      reader.readAsDataURL(file);
    }

    function upload(event) {
      event.preventDefault();
      clearErrors(form);
      if (!chosen) { return; }
      if (raw(form, 'credit') === '') {
        showErrors(form, [{ field: 'credit', message: 'A credit is required: who the photo is by, as readers will see it.' }]);
        return;
      }
      var metadata = {};
      var cleared = {};
      FIELDS.forEach(function (field) {
        var v = value(form, field);
        if (v !== null) { metadata[field] = v; } else if (fromFile[field]) { cleared[field] = null; }
      });
      var body = new FormData();
      body.append('file', chosen, chosen.name);
      body.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
      submit.disabled = true;
      Desk.announce('Uploading…');
      Desk.api('POST', '/desk/api/media', { body: body }).then(function (response) {
        if (response.status === 201 || response.status === 200) {
          return response.json().then(function (photo) {
            return removeCleared(photo.id, cleared).then(function () {
              window.location.assign('/desk/photos?added=' + encodeURIComponent(photo.id));
            });
          });
        }
        submit.disabled = false;
        return problemOf(response).then(function (problem) {
          if (response.status === 413 || response.status === 415) {
            refuseFile(problem.detail || 'The file was refused (' + response.status + ').');
          } else {
            showErrors(form, problem.errors, problem.detail || 'The upload was refused (' + response.status + ').');
          }
        });
      }, function () {
        submit.disabled = false;
        Desk.announce('The upload could not be sent: the connection failed. Nothing was stored; try again.', 'alert');
      });
    }

    // a value the file had but the editor emptied: the upload reads missing fields from the
    // file, so it is removed right after (credit cannot be emptied: it is required)
    function removeCleared(id, cleared) {
      if (Object.keys(cleared).length === 0) { return Promise.resolve(); }
      return Desk.api('PATCH', '/desk/api/media/' + encodeURIComponent(id), {
        body: JSON.stringify(cleared), headers: { 'Content-Type': 'application/merge-patch+json' }
      });
    }

    fileInput.addEventListener('change', function () { read(fileInput.files[0]); });
    zone.addEventListener('dragover', function (event) {
      event.preventDefault();
      zone.classList.add('photo-drop-over');
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('photo-drop-over'); });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      zone.classList.remove('photo-drop-over');
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || files.length === 0) { return; }
      try { fileInput.files = files; } catch (ignored) { /* older browsers: the name is not shown */ }
      read(files[0]);
    });
    form.addEventListener('submit', upload);
    form.querySelector('[data-upload-cancel]').addEventListener('click', function () {
      reset();
      fileInput.value = '';
      fileInput.focus();
    });
  }

  // --- one photo: save changed fields ---------------------------------------------------------------

  function setUpEdit(form, id) {
    var initial = {};
    FIELDS.forEach(function (field) { initial[field] = raw(form, field); });
    var state = form.querySelector('[data-save-state]');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      var patch = {};
      FIELDS.forEach(function (field) {
        if (raw(form, field) !== initial[field]) { patch[field] = value(form, field); }
      });
      if (Object.keys(patch).length === 0) {
        Desk.announce('Nothing has changed.');
        return;
      }
      if ('credit' in patch && patch.credit === null) {
        showErrors(form, [{ field: 'credit', message: 'A credit is required; it can be changed, not removed.' }]);
        return;
      }
      state.textContent = 'Saving…';
      Desk.api('PATCH', '/desk/api/media/' + encodeURIComponent(id), {
        body: JSON.stringify(patch), headers: { 'Content-Type': 'application/merge-patch+json' }
      }).then(function (response) {
        if (response.ok) {
          // the page again from media-service: usage and sizes follow what was saved
          window.location.assign(window.location.pathname + '?saved=1');
          return null;
        }
        state.textContent = '';
        return problemOf(response).then(function (problem) {
          var fallback = response.status === 410 ? 'The photo was taken down meanwhile; it can no longer be changed.'
            : (problem.detail || 'Not saved (' + response.status + ').');
          showErrors(form, problem.errors, fallback);
        });
      }, function () {
        state.textContent = '';
        Desk.announce('Not saved: the connection failed. Your changes are still here; try again.', 'alert');
      });
    });
  }

  // --- one photo: an admin takes it down -------------------------------------------------------------

  function setUpTakedown(section, id) {
    var start = section.querySelector('[data-takedown-start]');
    var confirm = section.querySelector('[data-takedown-confirm]');
    var users = section.querySelector('[data-takedown-users]');
    var usersState = section.querySelector('[data-takedown-users-state]');
    var yes = section.querySelector('[data-takedown-confirm-button]');

    function close() {
      confirm.hidden = true;
      start.focus();
    }

    function listUsers() {
      users.textContent = '';
      usersState.textContent = 'Looking for articles that use it…';
      Desk.api('GET', '/desk/api/articles?media=' + encodeURIComponent(id) + '&size=100').then(function (response) {
        if (!response.ok) { throw new Error('status ' + response.status); }
        return response.json();
      }).then(function (page) {
        var items = page.items || [];
        usersState.textContent = items.length === 0 ? 'No article uses it.'
          : (items.length === 1 ? 'One article uses it:' : items.length + (page.nextCursor ? ' or more' : '') + ' articles use it:');
        items.forEach(function (article) {
          var item = document.createElement('li');
          var headline = document.createElement('span');
          headline.className = 'desk-headline';
          headline.textContent = article.headline;
          var status = document.createElement('span');
          status.className = 'desk-status';
          status.textContent = STATUS_WORDS[article.status] || article.status;
          item.setAttribute('data-article-id', article.id);
          item.appendChild(headline);
          item.appendChild(document.createTextNode(' '));
          item.appendChild(status);
          users.appendChild(item);
        });
        Desk.announce(usersState.textContent);
      }).catch(function () {
        usersState.textContent = 'The articles that use it could not be listed (article-service did not answer). '
          + 'Take it down only if you are sure.';
      });
    }

    start.addEventListener('click', function () {
      confirm.hidden = false;
      confirm.focus();
      listUsers();
    });
    section.querySelector('[data-takedown-cancel]').addEventListener('click', close);
    confirm.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { close(); }
    });
    yes.addEventListener('click', function () {
      yes.disabled = true;
      Desk.api('DELETE', '/desk/api/media/' + encodeURIComponent(id)).then(function (response) {
        if (response.status === 204) {
          window.location.assign(window.location.pathname);
          return null;
        }
        yes.disabled = false;
        return problemOf(response).then(function (problem) {
          Desk.announce(response.status === 403 ? 'Only admins can take photos down.'
            : (problem.detail || 'Not taken down (' + response.status + ').'), 'alert');
        });
      }, function () {
        yes.disabled = false;
        Desk.announce('Not taken down: the connection failed. Try again.', 'alert');
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var upload = document.querySelector('[data-upload]');
    if (upload) { setUpUpload(upload); }
    var page = document.querySelector('main[data-photo-id]');
    var id = page && page.getAttribute('data-photo-id');
    var edit = document.querySelector('[data-photo-edit]');
    if (edit && id) { setUpEdit(edit, id); }
    var takedown = document.querySelector('[data-takedown]');
    if (takedown && id) { setUpTakedown(takedown, id); }
  });
}());
