// Category suggestions as the description is typed: triage's preview, asked through the console, at most every 600 ms.
(function () {
  var description = document.getElementById('description');
  var hint = document.getElementById('suggestion');
  var use = document.getElementById('use-suggestion');
  var category = document.getElementById('category');
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (!description || !hint || !use || !category) { return; }
  var timer = null;
  var suggested = null;
  description.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 600);
  });
  use.addEventListener('click', function () {
    if (suggested) { category.value = suggested; category.focus(); }
  });
  function ask() {
    var text = description.value.trim();
    if (text.length < 6) { return; }
    var body = new URLSearchParams();
    body.set('description', text);
    body.set('workerGroup', (document.getElementById('workerGroup') || {}).value || '');
    body.set('divisionCode', (document.getElementById('divisionCode') || {}).value || '');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token && header) { headers[header.content] = token.content; }
    fetch('suggestion', { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (s) {
        if (!s.category) { return; }
        suggested = s.category;
        use.textContent = s.categoryName;
        use.hidden = false;
        hint.dataset.category = s.category;
      })
      .catch(function () { /* no suggestion: the clerk picks, or triage classifies later */ });
  }
})();
