/*
 * The demo platform's side of the 1EdTech "LTI Client Side postMessages" (lti-cs-pm) and
 * "Platform Storage" (lti-pm-s) specifications.
 *
 * Loaded by the course page, which answers the tool's lti.capabilities, and by the hidden
 * post_message_forwarding frame, where the tool keeps its launch state (lti.put_data,
 * lti.get_data) when the browser blocks its cookies. Data is kept per sender origin, in the
 * frame's sessionStorage (or in memory when storage is refused), and every answer goes back to
 * the sending window only, addressed to the sender's origin.
 */
(function () {
	'use strict';

	var STORAGE_FRAME = 'post_message_forwarding';
	var memory = {};

	function sessionStorageOrNull() {
		try {
			return window.sessionStorage;
		}
		catch (refused) {
			return null;
		}
	}

	function storageKey(origin, key) {
		return 'lti-platform-storage|' + origin + '|' + key;
	}

	function read(origin, key) {
		var storage = sessionStorageOrNull();
		var name = storageKey(origin, key);
		var value = storage ? storage.getItem(name) : memory[name];
		return (value === undefined) ? null : value;
	}

	function write(origin, key, value) {
		var storage = sessionStorageOrNull();
		var name = storageKey(origin, key);
		if (value === null || value === undefined) {
			if (storage) {
				storage.removeItem(name);
			}
			delete memory[name];
		}
		else if (storage) {
			storage.setItem(name, String(value));
		}
		else {
			memory[name] = String(value);
		}
	}

	function supportedMessages() {
		return [
			{ subject: 'lti.capabilities' },
			{ subject: 'lti.put_data', frame: STORAGE_FRAME },
			{ subject: 'lti.get_data', frame: STORAGE_FRAME }
		];
	}

	function answer(data, origin) {
		var response = { subject: data.subject + '.response', message_id: data.message_id };
		function error(code, message) {
			response.error = { code: code, message: message };
			return response;
		}
		if (data.message_id === undefined || data.message_id === null || data.message_id === '') {
			return error('bad_request', "Missing required 'message_id' field");
		}
		switch (data.subject) {
		case 'lti.capabilities':
			response.supported_messages = supportedMessages();
			return response;
		case 'lti.put_data':
			if (typeof data.key !== 'string' || data.key === '') {
				return error('bad_request', "Missing required 'key' field");
			}
			try {
				write(origin, data.key, data.value);
			}
			catch (full) {
				return error('storage_exhaustion', 'The platform could not store the value');
			}
			response.key = data.key;
			if (data.value !== null && data.value !== undefined) {
				response.value = data.value;
			}
			return response;
		case 'lti.get_data':
			if (typeof data.key !== 'string' || data.key === '') {
				return error('bad_request', "Missing required 'key' field");
			}
			response.key = data.key;
			response.value = read(origin, data.key);
			return response;
		default:
			return error('unsupported_subject', 'The demo platform does not support ' + data.subject);
		}
	}

	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || typeof data !== 'object' || typeof data.subject !== 'string') {
			return;
		}
		// Only LTI requests; never answer an answer.
		if (data.subject.indexOf('lti.') !== 0 || /\.response$/.test(data.subject)) {
			return;
		}
		// An opaque origin can neither own data nor be answered.
		if (!event.source || !event.origin || event.origin === 'null') {
			return;
		}
		event.source.postMessage(answer(data, event.origin), event.origin);
	});
})();
