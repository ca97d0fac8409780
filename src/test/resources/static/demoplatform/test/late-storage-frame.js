/* Opens the tool at ?login= at once and the storage frame only after ?delay= milliseconds. */
(function () {
	'use strict';
	var query = new URLSearchParams(window.location.search);
	document.getElementById('tool-frame').src = query.get('login');
	setTimeout(function () {
		document.querySelector('iframe[name=post_message_forwarding]').src = '/demo/post_message_forwarding';
	}, Number(query.get('delay')));
})();
