// Submits the form named by this script's data-form attribute as soon as the page loads
// (a deep-linking response goes back to the platform without a click; the button stays for
// anyone without JavaScript).
(function () {
  var script = document.currentScript;
  var form = script && document.getElementById(script.getAttribute('data-form'));
  if (form) {
    form.submit();
  }
})();
