// Reflection editor: saves the draft as the person types (debounced POST), on leaving the
// field and when the tab is hidden; keeps a copy in localStorage until the server has it, so
// a dropped connection or a closed tab loses nothing. Restores that copy when it is newer.
(function () {
  'use strict';

  document.querySelectorAll('time.local-time').forEach(function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!isNaN(at.getTime())) {
      time.textContent = at.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
    }
  });

  var form = document.getElementById('reflection-form');
  if (!form) {
    return;
  }
  var text = document.getElementById('reflection-text');
  var status = document.getElementById('reflection-status');
  var url = form.dataset.draftUrl;
  var key = form.dataset.storageKey;
  var maxLength = parseInt(form.dataset.maxLength, 10);
  var serverUpdated = parseInt(form.dataset.serverUpdated, 10) || 0;
  var DELAY = 2000;
  var timer = null;
  var inFlight = false;
  var pending = false;
  var lastSaved = text.value;
  var submitted = false;

  function say(message) {
    if (status.textContent !== message) {
      status.textContent = message;
    }
  }

  function storeLocally() {
    try {
      localStorage.setItem(key, JSON.stringify({ text: text.value, at: Date.now() }));
    } catch (e) {
      // Storage can be blocked in a third-party iframe; the server copy still works.
    }
  }

  function readLocal() {
    try {
      var stored = localStorage.getItem(key);
      return stored ? JSON.parse(stored) : null;
    } catch (e) {
      return null;
    }
  }

  function forgetLocal() {
    try {
      localStorage.removeItem(key);
    } catch (e) {
      // nothing to forget
    }
  }

  function save(keepalive) {
    timer = null;
    if (submitted || text.value === lastSaved) {
      return;
    }
    if (text.value.length > maxLength) {
      say(form.dataset.msgTooLong);
      return;
    }
    if (inFlight && !keepalive) {
      pending = true;
      return;
    }
    var sent = text.value;
    inFlight = true;
    say(form.dataset.msgSaving);
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: !!keepalive,
      headers: { 'Accept': 'application/json' },
      body: new URLSearchParams({ text: sent })
    }).then(function (response) {
      if (response.ok) {
        lastSaved = sent;
        if (text.value === sent) {
          forgetLocal();
        }
        say(form.dataset.msgSaved);
      } else if (response.status === 409) {
        submitted = true;
        say(form.dataset.msgSubmitted);
      } else if (response.status === 400) {
        say(form.dataset.msgTooLong);
      } else {
        say(form.dataset.msgOffline);
      }
    }).catch(function () {
      say(form.dataset.msgOffline);
    }).finally(function () {
      inFlight = false;
      if (pending) {
        pending = false;
        schedule();
      }
    });
  }

  function schedule() {
    if (timer === null) {
      timer = window.setTimeout(save, DELAY);
    }
  }

  function saveNow(keepalive) {
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    save(keepalive);
  }

  var local = readLocal();
  if (local && typeof local.text === 'string' && local.at > serverUpdated && local.text !== text.value) {
    text.value = local.text;
    say(form.dataset.msgRestored);
    schedule();
  } else if (local) {
    forgetLocal();
  }

  text.addEventListener('input', function () {
    storeLocally();
    schedule();
  });
  text.addEventListener('blur', function () {
    saveNow(false);
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      saveNow(true);
    }
  });
  window.addEventListener('online', function () {
    saveNow(false);
  });
  form.addEventListener('submit', function () {
    // The submitted text is on its way; the local copy goes once the page confirms it.
    submitted = true;
    if (timer !== null) {
      window.clearTimeout(timer);
    }
    forgetLocal();
  });
}());
