// The story editor (desk-story.html): saving, conflicts, preview and publishing, all through the
// desk's API relay (Desk.api in desk.js) with the articles API's own contract
// (docs/articles-api.md). What the editor typed is never cleared by a failed request: the form
// is only rewritten when the editor chooses "theirs" on the conflict screen.
(function () {
  'use strict';

  var API = '/desk/api/articles';

  // the fields editors write, in the order the conflict screen lists them
  var FIELDS = [
    { name: 'headline', label: 'Headline' },
    { name: 'deck', label: 'Deck' },
    { name: 'summary', label: 'Summary' },
    { name: 'section', label: 'Section' },
    { name: 'language', label: 'Language' },
    { name: 'byline', label: 'Byline' },
    { name: 'source', label: 'Source' },
    { name: 'dateline', label: 'Dateline' },
    { name: 'tags', label: 'Tags' },
    { name: 'leadMediaId', label: 'Lead photo' },
    { name: 'body', label: 'Body' },
    { name: 'relatedIds', label: 'Related stories' },
    { name: 'embargoUntil', label: 'Embargo until' }
  ];

  var PHOTO_PROBLEMS = {
    MISSING_CREDIT: 'it has no credit line (readers must see whose photo it is)',
    RIGHTS_EXPIRED: 'our right to use it has expired',
    TAKEN_DOWN: 'it has been taken down',
    NOT_FOUND: 'the photo library has no photo with this id'
  };

  var ID = /^[0-9a-f]{24}$/;

  var root, form, zone;
  var story = { id: null, version: null, status: null };
  var savedSnapshot = null;
  var saving = null;
  var nextKey = 0;
  var pickerTarget = null;
  var conflict = null;

  function one(selector, within) { return (within || document).querySelector(selector); }
  function all(selector, within) { return Array.prototype.slice.call((within || document).querySelectorAll(selector)); }

  function announce(message, kind) {
    if (window.Desk && Desk.announce) { Desk.announce(message, kind); }
  }

  function etag() { return '"' + story.version + '"'; }

  // ---- time in the newsroom's zone ------------------------------------------------------------

  function zoneParts(date) {
    var parts = {};
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return parts;
  }

  // how far the zone's wall clock is ahead of UTC at that instant
  function zoneOffset(time) {
    var p = zoneParts(new Date(time));
    var wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
    return wall - (time - (time % 1000));
  }

  // "2026-12-07T09:30" on the newsroom's clock -> "2026-12-07T00:30:00.000Z"
  function toInstant(local) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local || '');
    if (!m) { return null; }
    var wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    var time = wall - zoneOffset(wall);
    time = wall - zoneOffset(time); // a second pass settles a daylight-saving change in between
    return new Date(time).toISOString();
  }

  function toLocal(instant) {
    if (!instant) { return ''; }
    var p = zoneParts(new Date(instant));
    return p.year + '-' + p.month + '-' + p.day + 'T' + (p.hour === '24' ? '00' : p.hour) + ':' + p.minute;
  }

  function shownTime(instant) {
    return instant ? toLocal(instant).replace('T', ' ') + ' (' + zone + ')' : '';
  }

  // ---- the form as the API's JSON, and back ----------------------------------------------------

  function text(name) {
    var value = form.elements[name].value.trim();
    return value === '' ? null : value;
  }

  function list(name, separator) {
    return form.elements[name].value.split(separator).map(function (item) { return item.trim(); })
      .filter(function (item) { return item !== ''; });
  }

  function blockOf(item) {
    var block = { type: item.getAttribute('data-type') };
    all('[data-field]', item).forEach(function (control) {
      var value = control.value;
      var field = control.getAttribute('data-field');
      // body text keeps its line breaks and inner spacing; one-line fields are trimmed
      value = field === 'text' && control.tagName === 'TEXTAREA' ? value.replace(/^\s+|\s+$/g, '') : value.trim();
      if (value !== '') { block[field] = value; }
    });
    return block;
  }

  function collect() {
    return {
      headline: text('headline'),
      deck: text('deck'),
      summary: text('summary'),
      body: all('[data-block]', form).map(blockOf),
      section: text('section'),
      tags: list('tags', ','),
      byline: list('byline', '\n'),
      source: text('source'),
      dateline: text('dateline'),
      language: text('language'),
      leadMediaId: text('leadMediaId'),
      relatedIds: list('relatedIds', /[\s,]+/),
      embargoUntil: toInstant(form.elements.embargoUntil.value)
    };
  }

  function fill(article) {
    ['headline', 'deck', 'summary', 'source', 'dateline', 'language', 'leadMediaId'].forEach(function (name) {
      form.elements[name].value = article[name] || '';
    });
    var section = form.elements.section;
    if (article.section && !all('option', section).some(function (o) { return o.value === article.section; })) {
      var option = document.createElement('option');
      option.value = option.textContent = article.section;
      section.appendChild(option);
    }
    section.value = article.section || '';
    form.elements.tags.value = (article.tags || []).join(', ');
    form.elements.byline.value = (article.byline || []).join('\n');
    form.elements.relatedIds.value = (article.relatedIds || []).join(', ');
    form.elements.embargoUntil.value = toLocal(article.embargoUntil);
    var blocks = one('[data-blocks]', form);
    all('[data-block]', blocks).forEach(function (item) { item.remove(); });
    (article.body || []).forEach(function (block) {
      var item = addBlock(block.type);
      if (item) {
        all('[data-field]', item).forEach(function (control) {
          control.value = block[control.getAttribute('data-field')] || '';
        });
      }
    });
    renumber();
    all('[data-photo-id]', form).forEach(showPhoto);
  }

  function snapshot() { return JSON.stringify(collect()); }

  function isDirty() { return snapshot() !== savedSnapshot; }

  function showDirty() {
    var state = one('[data-save-state]');
    if (saving) { return; }
    if (!story.id) { state.textContent = 'Not saved yet'; }
    else { state.textContent = isDirty() ? 'Unsaved changes' : 'Saved, version ' + story.version; }
  }

  // ---- body blocks -----------------------------------------------------------------------------

  function addBlock(type) {
    var template = one('template[data-block-template="' + type + '"]');
    if (!template) { return null; }
    var holder = document.createElement('ol');
    // the template holds only our own markup; the key is made here, never from input
    holder.innerHTML = template.innerHTML.replace(/__key__/g, 'n' + (nextKey++));
    var item = holder.firstElementChild;
    one('[data-blocks]', form).appendChild(item);
    renumber();
    return item;
  }

  // numbers in the legends, names in the buttons, and the API's paths (body[2].text) on controls
  function renumber() {
    var items = all('[data-block]', form);
    items.forEach(function (item, i) {
      var kind = one('legend span:last-child', item).textContent.trim();
      one('[data-block-number]', item).textContent = String(i + 1);
      one('[data-move="up"]', item).setAttribute('aria-label', 'Move block ' + (i + 1) + ' (' + kind + ') up');
      one('[data-move="down"]', item).setAttribute('aria-label', 'Move block ' + (i + 1) + ' (' + kind + ') down');
      one('[data-remove]', item).setAttribute('aria-label', 'Remove block ' + (i + 1) + ' (' + kind + ')');
      one('[data-move="up"]', item).disabled = i === 0;
      one('[data-move="down"]', item).disabled = i === items.length - 1;
      item.setAttribute('data-path', 'body[' + i + ']');
      all('[data-field]', item).forEach(function (control) {
        control.setAttribute('data-path', 'body[' + i + '].' + control.getAttribute('data-field'));
      });
    });
  }

  function onBlockButton(event) {
    var button = event.target.closest('button');
    var item = button && button.closest('[data-block]');
    if (!item) { return; }
    if (button.hasAttribute('data-move')) {
      var up = button.getAttribute('data-move') === 'up';
      var other = up ? item.previousElementSibling : item.nextElementSibling;
      if (!other) { return; }
      item.parentNode.insertBefore(item, up ? other : other.nextElementSibling);
      renumber();
      // keep the keyboard where it was; at the list's ends the other button is the one left
      (button.disabled ? one('[data-move="' + (up ? 'down' : 'up') + '"]', item) : button).focus();
      announce('Block moved to position ' + (all('[data-block]', form).indexOf(item) + 1) + '.');
      showDirty();
    }
    else if (button.hasAttribute('data-remove')) {
      var next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      renumber();
      (next ? one('[data-field]', next) : one('[data-new-block-type]')).focus();
      announce('Block removed.');
      showDirty();
    }
  }

  // ---- photos: thumbnail and credit beside an id, and the picker -------------------------------

  function photoArea(input) {
    return input.closest('.editor-photo-field');
  }

  function showPhoto(input) {
    var area = photoArea(input);
    var shown = one('[data-photo-shown]', area);
    var id = input.value.trim();
    if (!ID.test(id)) {
      shown.hidden = true;
      return;
    }
    var about = one('[data-photo-about]', area);
    var image = one('[data-photo-thumb]', area);
    Desk.api('GET', '/desk/api/media/' + id).then(function (response) {
      if (input.value.trim() !== id) { return; }
      if (!response.ok) {
        image.hidden = true;
        about.textContent = response.status === 404 ? 'No photo with this id.' : 'The photo library is not answering.';
        about.className = 'editor-photo-problem';
        shown.hidden = false;
        return;
      }
      return response.json().then(function (photo) {
        var taken = photo.status === 'TAKEN_DOWN';
        image.hidden = taken;
        if (!taken) {
          image.src = '/api/media/' + id + '/renditions/thumb';
          image.alt = photo.altText || photo.caption || '';
        }
        about.className = photo.credit && !taken ? '' : 'editor-photo-problem';
        about.textContent = taken ? 'Taken down: cannot be published.'
          : (photo.caption ? photo.caption + ' ' : '') + (photo.credit ? '(' + photo.credit + ')' : 'No credit: cannot be published.');
        shown.hidden = false;
      });
    }).catch(function () { /* the thumbnail is a help, not a requirement */ });
  }

  function openPicker(button) {
    pickerTarget = one('[data-photo-id]', photoArea(button));
    var picker = one('[data-picker]');
    picker.hidden = false;
    one('[data-picker-q]', picker).focus();
    if (!one('[data-picker-results]', picker).children.length) { searchPhotos(); }
  }

  function closePicker() {
    one('[data-picker]').hidden = true;
    if (pickerTarget) { pickerTarget.focus(); }
  }

  function searchPhotos() {
    var picker = one('[data-picker]');
    var q = one('[data-picker-q]', picker).value.trim();
    var state = one('[data-picker-state]', picker);
    var results = one('[data-picker-results]', picker);
    state.textContent = 'Searching…';
    Desk.api('GET', '/desk/api/media?size=24' + (q ? '&q=' + encodeURIComponent(q) : '')).then(function (response) {
      if (!response.ok) {
        state.textContent = 'The photo library is not answering; type the photo id instead.';
        return;
      }
      return response.json().then(function (page) {
        results.textContent = '';
        var photos = (page.items || []).filter(function (photo) { return photo.status !== 'TAKEN_DOWN'; });
        state.textContent = photos.length ? photos.length + ' photos, newest first.' : 'No photos found.';
        photos.forEach(function (photo) {
          var item = document.createElement('li');
          var button = document.createElement('button');
          button.type = 'button';
          button.setAttribute('data-photo-choice', photo.id);
          var image = document.createElement('img');
          image.src = '/api/media/' + photo.id + '/renditions/thumb';
          image.alt = '';
          var caption = document.createElement('span');
          caption.textContent = photo.caption || '(no caption)';
          var credit = document.createElement('span');
          credit.textContent = photo.credit ? 'Credit: ' + photo.credit : 'No credit';
          button.setAttribute('aria-label', 'Use photo: ' + (photo.caption || photo.id) + ', ' + credit.textContent);
          button.appendChild(image);
          button.appendChild(caption);
          button.appendChild(credit);
          item.appendChild(button);
          results.appendChild(item);
        });
      });
    }, function () { state.textContent = 'The photo library cannot be reached.'; });
  }

  function choosePhoto(id) {
    if (!pickerTarget) { return; }
    pickerTarget.value = id;
    showPhoto(pickerTarget);
    showDirty();
    announce('Photo chosen.');
    closePicker();
  }

  // ---- errors next to the fields they name -----------------------------------------------------

  function clearErrors() {
    all('.field-error', form).forEach(function (message) { message.remove(); });
    all('[aria-invalid]', form).forEach(function (control) {
      control.removeAttribute('aria-invalid');
      var described = (control.getAttribute('aria-describedby') || '').split(' ')
        .filter(function (id) { return id && !/-error$/.test(id); });
      if (described.length) { control.setAttribute('aria-describedby', described.join(' ')); }
      else { control.removeAttribute('aria-describedby'); }
    });
    one('[data-error-summary]').hidden = true;
  }

  // the control an API field path names: "body[2].text", "tags[3]" (the tags field), "body"
  function controlFor(path) {
    var candidate = path;
    while (candidate) {
      var found = one('[data-path="' + candidate.replace(/"/g, '') + '"]', form);
      if (found) {
        return found.matches('input, select, textarea') ? found : one('input, select, textarea', found);
      }
      var shorter = candidate.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      candidate = shorter === candidate ? '' : shorter;
    }
    return null;
  }

  function labelOf(control) {
    var label = control.id && one('label[for="' + control.id + '"]');
    var name = label ? label.firstChild.textContent.trim() : control.getAttribute('data-path');
    var item = control.closest('[data-block]');
    return item ? 'Block ' + one('[data-block-number]', item).textContent + ', ' + name.toLowerCase() : name;
  }

  function showErrors(problem, title) {
    var summary = one('[data-error-summary]');
    var listed = one('[data-error-list]', summary);
    listed.textContent = '';
    var errors = problem && problem.errors && problem.errors.length ? problem.errors
      : [{ field: null, message: problem && problem.detail ? problem.detail : 'The server refused the story.' }];
    errors.forEach(function (error, i) {
      var control = error.field ? controlFor(error.field) : null;
      var item = document.createElement('li');
      if (control) {
        var message = document.createElement('p');
        message.className = 'field-error';
        message.id = (control.id || 'field') + '-' + i + '-error';
        message.textContent = error.message;
        control.insertAdjacentElement('afterend', message);
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby',
          ((control.getAttribute('aria-describedby') || '') + ' ' + message.id).trim());
        var link = document.createElement('a');
        link.href = '#' + control.id;
        link.textContent = labelOf(control) + ': ' + error.message;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          control.focus();
        });
        item.appendChild(link);
      }
      else {
        item.textContent = (error.field ? error.field + ': ' : '') + error.message;
      }
      listed.appendChild(item);
    });
    one('[data-error-title]', summary).textContent = title || ('The story was not saved: '
      + (errors.length === 1 ? 'one problem' : errors.length + ' problems') + ' to fix');
    summary.hidden = false;
    summary.focus();
  }

  // ---- saving ----------------------------------------------------------------------------------

  function adopt(article, response) {
    var created = !story.id;
    story.id = article.id;
    story.version = article.version;
    story.status = article.status;
    var tag = response && response.headers.get('ETag');
    if (tag && /^"\d+"$/.test(tag)) { story.version = Number(tag.slice(1, -1)); }
    root.setAttribute('data-story-id', story.id);
    root.setAttribute('data-version', String(story.version));
    root.setAttribute('data-status', story.status);
    one('[data-status-text]').textContent = story.status;
    one('[data-version-text]').textContent = String(story.version);
    one('[data-needs-save]').hidden = true;
    all('[data-publish], [data-schedule], [data-withdraw], [data-correct]').forEach(function (b) { b.disabled = false; });
    var scheduled = one('[data-scheduled-for]');
    scheduled.hidden = !(story.status === 'SCHEDULED' && article.publishAt);
    if (article.publishAt) {
      one('[data-scheduled-time]').setAttribute('datetime', article.publishAt);
      one('[data-scheduled-time]').textContent = shownTime(article.publishAt);
    }
    var web = article.links && article.links.web;
    one('[data-web-link-line]').hidden = !(story.status === 'PUBLISHED' && web);
    if (web) { one('[data-web-link]').href = web; }
    showCorrections(article.corrections || []);
    if (created) {
      history.replaceState(null, '', '/desk/stories/' + story.id);
      one('#editor-title').textContent = 'Edit story';
    }
    document.title = 'Edit: ' + (article.headline || '') + ' | Newsroom desk';
  }

  function showCorrections(corrections) {
    var listed = one('[data-corrections]');
    listed.textContent = '';
    corrections.forEach(function (correction) {
      var item = document.createElement('li');
      var time = document.createElement('time');
      time.setAttribute('datetime', correction.at || '');
      time.textContent = shownTime(correction.at);
      var words = document.createElement('span');
      words.textContent = ' ' + correction.text;
      item.appendChild(time);
      item.appendChild(words);
      listed.appendChild(item);
    });
    one('[data-no-corrections]').hidden = corrections.length > 0;
  }

  function retryAfter(response) {
    var seconds = Number(response.headers.get('Retry-After'));
    return seconds > 0 ? ' Try again in ' + seconds + ' seconds.' : ' Try again in a moment.';
  }

  // resolves true when the story is saved as it is in the form; never clears the form
  function save() {
    if (saving) { return saving; }
    clearErrors();
    var article = collect();
    var sent = JSON.stringify(article);
    var state = one('[data-save-state]');
    state.textContent = 'Saving…';
    var request = story.id
      ? Desk.api('PUT', API + '/' + story.id, { json: article, headers: { 'If-Match': etag() } })
      : Desk.api('POST', API, { json: article });
    saving = request.then(function (response) {
      if (response.ok) {
        return response.json().then(function (saved) {
          adopt(saved, response);
          savedSnapshot = sent;
          announce('Saved.');
          return true;
        });
      }
      if (response.status === 412) {
        announce('Not saved: someone else saved this story first.', 'alert');
        return openConflict(article).then(function () { return false; });
      }
      return Desk.problem(response).then(function (problem) {
        if (response.status === 400 || response.status === 422) {
          showErrors(problem);
        }
        else if (response.status === 404) {
          showErrors({ detail: 'This story no longer exists (it may have been deleted). What you typed is still here.' },
            'The story was not saved');
        }
        else {
          showErrors({ detail: (problem && problem.detail ? problem.detail : 'The server answered ' + response.status + '.')
            + (response.status >= 500 ? retryAfter(response) : '') + ' What you typed is still here.' },
          'The story was not saved');
        }
        return false;
      });
    }, function () {
      showErrors({ detail: 'The desk cannot reach the server. What you typed is still here; try again.' },
        'The story was not saved');
      return false;
    }).then(function (ok) {
      saving = null;
      showDirty();
      return ok;
    });
    return saving;
  }

  function ensureSaved() {
    return story.id && !isDirty() ? Promise.resolve(true) : save();
  }

  // ---- the conflict screen ---------------------------------------------------------------------

  function normalised(name, value) {
    if (name === 'embargoUntil') { return value ? new Date(value).toISOString() : null; }
    if (name === 'body') {
      return JSON.stringify((value || []).map(function (block) {
        var clean = {};
        Object.keys(block).sort().forEach(function (key) {
          if (block[key] !== null && block[key] !== '') { clean[key] = block[key]; }
        });
        return clean;
      }));
    }
    if (Array.isArray(value)) { return JSON.stringify(value); }
    if (name === 'language' && !value) { return 'en'; }
    return value === undefined || value === '' ? null : value;
  }

  function readable(name, value) {
    if (name === 'embargoUntil') { return value ? shownTime(value) : '(none)'; }
    if (name === 'body') {
      return (value || []).map(function (block, i) {
        var words = block.text || block.mediaId || block.url || '';
        if (block.type === 'quote' && block.attribution) { words += ' — ' + block.attribution; }
        if (block.type === 'image' && block.caption) { words += ' (' + block.caption + ')'; }
        return (i + 1) + '. ' + block.type + ': ' + words;
      }).join('\n') || '(empty)';
    }
    if (Array.isArray(value)) { return value.length ? value.join(name === 'byline' ? '\n' : ', ') : '(none)'; }
    return value === null || value === undefined || value === '' ? '(empty)' : String(value);
  }

  function openConflict(mine) {
    return Desk.api('GET', API + '/' + story.id).then(function (response) {
      if (!response.ok) {
        showErrors({ detail: 'Someone else saved this story first, and its current version cannot be read now.'
          + ' What you typed is still here; save again in a moment.' }, 'The story was not saved');
        return;
      }
      return response.json().then(function (theirs) {
        var tag = response.headers.get('ETag');
        conflict = { mine: mine, theirs: theirs,
          version: tag && /^"\d+"$/.test(tag) ? Number(tag.slice(1, -1)) : theirs.version };
        renderConflict();
      });
    }, function () {
      showErrors({ detail: 'Someone else saved this story first; the desk cannot reach the server to show their version.'
        + ' What you typed is still here.' }, 'The story was not saved');
    });
  }

  function renderConflict() {
    var screen = one('[data-conflict]');
    var fields = one('[data-conflict-fields]', screen);
    fields.textContent = '';
    var differing = FIELDS.filter(function (field) {
      return normalised(field.name, conflict.mine[field.name]) !== normalised(field.name, conflict.theirs[field.name]);
    });
    one('[data-conflict-intro]', screen).textContent = 'Their version ' + conflict.version + ' (status '
      + conflict.theirs.status + ') was saved after the version you started from. Nothing has been overwritten. '
      + (differing.length
        ? differing.length + (differing.length === 1 ? ' field differs' : ' fields differ') + ': choose yours or theirs for each, then save.'
        : 'No field you edit differs; saving keeps your text on top of their version.');
    differing.forEach(function (field) {
      var set = document.createElement('fieldset');
      set.setAttribute('data-conflict-field', field.name);
      var legend = document.createElement('legend');
      legend.textContent = field.label;
      set.appendChild(legend);
      [['mine', 'Yours', conflict.mine], ['theirs', 'Theirs', conflict.theirs]].forEach(function (side) {
        var label = document.createElement('label');
        var radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'conflict-' + field.name;
        radio.value = side[0];
        radio.checked = side[0] === 'mine';
        var name = document.createElement('strong');
        name.textContent = side[1];
        var value = document.createElement('p');
        value.className = 'editor-conflict-value';
        value.setAttribute('data-conflict-' + side[0], '');
        value.textContent = readable(field.name, side[2][field.name]);
        label.appendChild(radio);
        label.appendChild(name);
        label.appendChild(value);
        set.appendChild(label);
      });
      fields.appendChild(set);
    });
    screen.hidden = false;
    screen.focus();
    screen.scrollIntoView();
  }

  function chooseAll(side) {
    all('[data-conflict-fields] input[type="radio"][value="' + side + '"]').forEach(function (radio) { radio.checked = true; });
  }

  function saveConflict() {
    var merged = {};
    FIELDS.forEach(function (field) {
      var choice = one('[data-conflict-fields] input[name="conflict-' + field.name + '"]:checked');
      var side = choice && choice.value === 'theirs' ? conflict.theirs : conflict.mine;
      merged[field.name] = side[field.name];
    });
    fill(merged);
    story.version = conflict.version;
    story.status = conflict.theirs.status;
    one('[data-conflict]').hidden = true;
    conflict = null;
    return save();
  }

  function cancelConflict() {
    // the editor goes on from their version: the next save will meet it again (412), never overwrite it
    one('[data-conflict]').hidden = true;
    conflict = null;
    form.elements.headline.focus();
  }

  // ---- preview and publishing ------------------------------------------------------------------

  function preview() {
    ensureSaved().then(function (ok) {
      if (!ok) { return; }
      var url = '/desk/stories/' + story.id + '/preview';
      var opened = window.open(url, 'desk-preview-' + story.id);
      if (!opened) { window.location.assign(url); }
    });
  }

  function result(kind, build) {
    var box = one('[data-publish-result]');
    box.textContent = '';
    box.className = 'editor-publish-result ' + (kind === 'good' ? 'editor-good' : 'editor-bad');
    box.setAttribute('role', kind === 'good' ? 'status' : 'alert');
    build(box);
    box.hidden = false;
    box.focus();
  }

  function paragraph(box, words) {
    var p = document.createElement('p');
    p.textContent = words;
    box.appendChild(p);
    return p;
  }

  function whichPhoto(field) {
    if (field === 'leadMediaId') { return 'The lead photo'; }
    var m = /^body\[(\d+)\]/.exec(field || '');
    return m ? 'The image in body block ' + (Number(m[1]) + 1) : 'A photo';
  }

  function removePhoto(field) {
    if (field === 'leadMediaId') {
      form.elements.leadMediaId.value = '';
      showPhoto(form.elements.leadMediaId);
      form.elements.leadMediaId.focus();
    }
    else {
      var m = /^body\[(\d+)\]/.exec(field || '');
      var item = m && all('[data-block]', form)[Number(m[1])];
      if (item) {
        item.remove();
        renumber();
        one('[data-new-block-type]').focus();
      }
    }
    showDirty();
    announce('Photo removed from the story. Publish again to save and publish.');
  }

  function photosRefused(problem) {
    result('bad', function (box) {
      paragraph(box, 'Not published: a photo in this story may not be published. Nothing changed.');
      var listed = document.createElement('ul');
      (problem.photos || []).forEach(function (photo) {
        var item = document.createElement('li');
        item.setAttribute('data-photo-problem', photo.mediaId);
        var reasons = (photo.problems || []).map(function (code) { return PHOTO_PROBLEMS[code] || code; });
        paragraph(item, whichPhoto(photo.field) + ' (' + photo.field + ', photo ' + photo.mediaId + '): '
          + reasons.join('; ') + '.');
        if ((photo.problems || []).indexOf('TAKEN_DOWN') < 0 && (photo.problems || []).indexOf('NOT_FOUND') < 0) {
          var thumb = document.createElement('img');
          thumb.src = '/api/media/' + photo.mediaId + '/renditions/thumb';
          thumb.alt = 'Photo ' + photo.mediaId;
          item.appendChild(thumb);
        }
        var fix = document.createElement('a');
        fix.href = '/desk/photos/' + photo.mediaId;
        fix.target = '_blank';
        fix.rel = 'noopener';
        fix.textContent = 'Fix this photo (opens the photo desk)';
        item.appendChild(fix);
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove it from the story';
        remove.addEventListener('click', function () { removePhoto(photo.field); });
        item.appendChild(document.createTextNode(' '));
        item.appendChild(remove);
        listed.appendChild(item);
      });
      box.appendChild(listed);
    });
  }

  // publish now, schedule, withdraw, correct: the answer is the article (status and version)
  function act(action, path, body, done) {
    return Desk.api('POST', API + '/' + story.id + path, body ? { json: body } : {}).then(function (response) {
      if (response.ok) {
        return response.json().then(function (article) {
          adopt(article, response);
          showDirty();
          result('good', function (box) { done(box, article); });
          announce(one('[data-publish-result]').textContent);
        });
      }
      return Desk.problem(response).then(function (problem) {
        var type = problem && problem.type ? problem.type : '';
        if (response.status === 422 && /photo-not-usable$/.test(type)) {
          photosRefused(problem);
        }
        else if (response.status === 503 || response.status === 504) {
          result('bad', function (box) {
            paragraph(box, action + ': not done. '
              + (problem && problem.detail ? problem.detail + ' ' : 'A service the desk needs is not answering. ')
              + 'Nothing changed.' + retryAfter(response));
          });
        }
        else {
          result('bad', function (box) {
            paragraph(box, action + ': not done. ' + (problem && problem.detail ? problem.detail : 'The server answered '
              + response.status + '.') + ' Nothing changed.');
          });
        }
      });
    }, function () {
      result('bad', function (box) { paragraph(box, action + ': the desk cannot reach the server. Nothing changed.'); });
    });
  }

  function webLinkLine(box, article) {
    if (article.links && article.links.web && article.status === 'PUBLISHED') {
      var p = paragraph(box, '');
      var link = document.createElement('a');
      link.href = article.links.web;
      link.textContent = 'See it on the site';
      p.appendChild(link);
    }
  }

  function publishNow() {
    ensureSaved().then(function (ok) {
      if (!ok) { return; }
      return act('Publish', '/publish', null, function (box, article) {
        if (article.status === 'SCHEDULED') {
          paragraph(box, 'Embargoed: it will be published at ' + shownTime(article.publishAt) + '.');
        }
        else {
          paragraph(box, 'Published.');
          webLinkLine(box, article);
        }
      });
    });
  }

  function schedule() {
    var input = one('[data-publish-at]');
    var at = toInstant(input.value);
    if (!at) {
      result('bad', function (box) { paragraph(box, 'Schedule: choose the date and time to publish at first.'); });
      input.focus();
      return;
    }
    ensureSaved().then(function (ok) {
      if (!ok) { return; }
      return act('Schedule', '/publish', { at: at }, function (box, article) {
        paragraph(box, article.status === 'SCHEDULED'
          ? 'Scheduled: it will be published at ' + shownTime(article.publishAt) + '.'
          : 'Published (the time chosen has already passed).');
        webLinkLine(box, article);
      });
    });
  }

  function withdraw() {
    one('[data-withdraw-confirm]').hidden = true;
    act('Withdraw', '/withdraw', null, function (box, article) {
      paragraph(box, article.status === 'DRAFT' ? 'No longer scheduled: back to draft.'
        : 'Withdrawn: readers no longer see it.');
    }).then(function () { one('[data-withdraw]').focus(); });
  }

  function correct() {
    var field = one('[data-correction-text]');
    var words = field.value.trim();
    if (!words) {
      result('bad', function (box) { paragraph(box, 'Add a correction: write the correction first.'); });
      field.focus();
      return;
    }
    act('Add a correction', '/corrections', { text: words }, function (box) {
      field.value = '';
      paragraph(box, 'Correction added; readers see it under the story.');
    });
  }

  // ---- wiring ----------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', function () {
    root = one('[data-story-editor]');
    if (!root) { return; }
    form = one('[data-story-form]');
    zone = root.getAttribute('data-zone') || 'UTC';
    story.id = root.getAttribute('data-story-id') || null;
    story.version = story.id ? Number(root.getAttribute('data-version')) : null;
    story.status = root.getAttribute('data-status');
    nextKey = all('[data-block]', form).length;
    renumber();
    // a new story left as it came loses nothing; one saved is dirty once it differs from what was saved
    savedSnapshot = snapshot();
    all('[data-photo-id]', form).forEach(showPhoto);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      save();
    });
    form.addEventListener('input', function (event) {
      if (event.target.matches('[data-photo-id]')) { showPhoto(event.target); }
      showDirty();
    });
    form.addEventListener('change', showDirty);
    form.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      if (button.hasAttribute('data-pick-photo')) { openPicker(button); }
      else if (button.hasAttribute('data-add-block')) {
        var item = addBlock(one('[data-new-block-type]').value);
        if (item) {
          one('[data-field]', item).focus();
          announce('Block added at position ' + all('[data-block]', form).length + '.');
          showDirty();
        }
      }
      else if (button.hasAttribute('data-photo-choice')) { choosePhoto(button.getAttribute('data-photo-choice')); }
      else if (button.hasAttribute('data-picker-search')) { searchPhotos(); }
      else if (button.hasAttribute('data-picker-close')) { closePicker(); }
      else if (button.hasAttribute('data-preview')) { preview(); }
      else { onBlockButton(event); }
    });
    one('[data-picker-q]').addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        searchPhotos();
      }
    });
    one('[data-picker]').addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { closePicker(); }
    });
    document.addEventListener('keydown', function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === 's') {
        event.preventDefault();
        save();
      }
    });

    one('[data-conflict-all="mine"]').addEventListener('click', function () { chooseAll('mine'); });
    one('[data-conflict-all="theirs"]').addEventListener('click', function () { chooseAll('theirs'); });
    one('[data-conflict-save]').addEventListener('click', saveConflict);
    one('[data-conflict-cancel]').addEventListener('click', cancelConflict);

    one('[data-publish]').addEventListener('click', publishNow);
    one('[data-schedule]').addEventListener('click', schedule);
    one('[data-withdraw]').addEventListener('click', function () {
      one('[data-withdraw-confirm]').hidden = false;
      one('[data-withdraw-no]').focus();
    });
    one('[data-withdraw-no]').addEventListener('click', function () {
      one('[data-withdraw-confirm]').hidden = true;
      one('[data-withdraw]').focus();
    });
    one('[data-withdraw-yes]').addEventListener('click', withdraw);
    one('[data-correct]').addEventListener('click', correct);

    // unsaved work: the browser asks before leaving (Desk.api keeps it across an expired session)
    window.addEventListener('beforeunload', function (event) {
      if (isDirty()) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
    showDirty();
  });
}());
