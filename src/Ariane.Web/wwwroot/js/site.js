// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Ask before destructive actions (forms marked data-confirm).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Bring the error summary into view and focus so screen-reader users hear it.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
})();
