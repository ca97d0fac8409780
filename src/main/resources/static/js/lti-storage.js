/*
 * LTI Platform Storage (1EdTech lti-pm-s / lti-cs-oidc): keeps the login state in the platform's
 * storage frame when the browser blocks the tool's cookies inside the platform's iframe.
 */
(function () {
  'use strict';
  var TIMEOUT_MS = 10000; // generous: a busy browser can take seconds to pass messages between frames
  var CAPABILITIES_TIMEOUT_MS = 5000; // a platform without postMessage support never answers
  // The platform's storage frame may still be loading when the tool asks (its listener not yet
  // there, the message lost), so an unanswered message is sent again; every message is
  // idempotent and answers are matched by message_id, so a late duplicate answer is ignored.
  var RESEND_MS = 300;

  function messageId() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
  }

  function send(target, origin, message, timeoutMs) {
    return new Promise(function (resolve, reject) {
      if (!target) { reject(new Error('no target frame')); return; }
      message.message_id = messageId();
      var timer = setTimeout(function () { done(); reject(new Error('timeout')); }, timeoutMs || TIMEOUT_MS);
      var resend = setInterval(function () { target.postMessage(message, origin); }, RESEND_MS);
      function listener(event) {
        var data = event.data;
        if (origin !== '*' && event.origin !== origin) { return; }
        if (!data || data.message_id !== message.message_id || data.subject !== message.subject + '.response') { return; }
        done();
        if (data.error) { reject(new Error(data.error.code || 'error')); } else { resolve(data); }
      }
      function done() { clearTimeout(timer); clearInterval(resend); window.removeEventListener('message', listener); }
      window.addEventListener('message', listener);
      target.postMessage(message, origin);
    });
  }

  function frame(name) {
    try { return name ? window.parent.frames[name] : null; } catch (e) { return null; }
  }

  /** The storage frame the platform names in lti.capabilities, else lti_storage_target. */
  function storageFrame(fallbackName) {
    return send(window.parent, '*', { subject: 'lti.capabilities' }, CAPABILITIES_TIMEOUT_MS).then(function (caps) {
      var put = (caps.supported_messages || []).filter(function (m) { return m.subject === 'lti.put_data'; })[0];
      return frame(put && put.frame ? put.frame : fallbackName) || frame(fallbackName);
    }, function () { return frame(fallbackName); });
  }

  function login(el) {
    var target = el.getAttribute('data-storage-target');
    var origin = el.getAttribute('data-platform-origin');
    var state = el.getAttribute('data-state');
    var nonce = el.getAttribute('data-nonce');
    var go = function () { window.location.replace(el.getAttribute('data-authorize')); };
    storageFrame(target).then(function (f) {
      return send(f, origin, { subject: 'lti.put_data', key: 'lti_state_' + state, value: state })
        .then(function () { return send(f, origin, { subject: 'lti.put_data', key: 'lti_nonce_' + nonce, value: nonce }); });
    }).then(go, go);
  }

  function launch(el) {
    var target = el.getAttribute('data-storage-target');
    var origin = el.getAttribute('data-platform-origin');
    var state = el.getAttribute('data-state');
    var failed = function () {
      document.getElementById('lti-checking').hidden = true;
      document.getElementById('lti-new-window').hidden = false;
    };
    storageFrame(target).then(function (f) {
      return send(f, origin, { subject: 'lti.get_data', key: 'lti_state_' + state });
    }).then(function (answer) {
      if (answer.value === state) { document.getElementById('lti-confirm').submit(); } else { failed(); }
    }, failed);
  }

  var el = document.getElementById('lti-storage');
  if (el && el.getAttribute('data-step') === 'login') { login(el); }
  if (el && el.getAttribute('data-step') === 'launch') { launch(el); }
})();
