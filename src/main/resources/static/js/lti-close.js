/* Dynamic Registration: tell the platform's window that registration is finished. */
(function () {
  'use strict';
  var target = window.opener || window.parent;
  if (target && target !== window) { target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*'); }
})();
