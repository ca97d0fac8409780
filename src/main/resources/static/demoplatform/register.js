/*
 * Dynamic registration in the browser: the tool's registration page runs in a frame and, when
 * done, posts {subject: 'org.imsglobal.lti.close'} to this page; then go back home.
 */
(function () {
	'use strict';

	var frame = document.getElementById('registration-frame');
	var status = document.getElementById('registration-status');
	var toolOrigin = frame.getAttribute('data-tool-origin');
	var homeUrl = frame.getAttribute('data-home-url');

	window.addEventListener('message', function (event) {
		if (event.origin !== toolOrigin || event.source !== frame.contentWindow) {
			return;
		}
		if (!event.data || event.data.subject !== 'org.imsglobal.lti.close') {
			return;
		}
		status.textContent = status.getAttribute('data-done');
		window.location.assign(homeUrl);
	});
})();
