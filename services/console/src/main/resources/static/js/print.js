// The receipt's print button (no inline script: the page's policy allows only the console's own files).
(function () {
  var button = document.getElementById('print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
})();
