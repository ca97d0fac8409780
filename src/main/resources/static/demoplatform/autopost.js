/* Posts the launch to the tool at once; without JavaScript, the form's button does. */
(function () {
	'use strict';

	document.getElementById('launch-form').submit();
})();
