// The staff pages' only script: the login, "Ask & explain", forms marked data-api (sent as JSON
// with the session's CSRF token, then the page reloads) and the planning chart (chart.js, local).
(function () {
  'use strict';
  var main = document.getElementById('main');
  var csrf = main ? main.getAttribute('data-csrf') : '';
  var status = document.querySelector('.status');

  function say(text) { if (status) status.textContent = text; }

  function post(url, data) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf || '' },
      body: JSON.stringify(data),
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) throw new Error(body.message || ('HTTP ' + res.status));
        return body;
      });
    });
  }

  function fields(form) {
    var data = {};
    new FormData(form).forEach(function (v, k) { data[k] = String(v); });
    return data;
  }

  var login = document.getElementById('login-form');
  if (login) {
    login.addEventListener('submit', function (ev) {
      ev.preventDefault();
      post('/staff/api/login', fields(login)).then(function () {
        window.location.assign('/staff/ask');
      }, function (err) {
        say(err.message === 'User name or password is wrong.' ? 'Benutzername oder Passwort ist falsch.'
          : /Too many/.test(err.message) ? 'Zu viele Fehlversuche. Bitte später erneut versuchen.' : err.message);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-api]'), function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var button = form.querySelector('button');
      if (button) button.disabled = true;
      post(form.getAttribute('data-api'), fields(form)).then(function () {
        window.location.assign(form.getAttribute('data-after') || window.location.pathname);
      }, function (err) {
        if (button) button.disabled = false;
        say('Nicht gespeichert: ' + err.message);
      });
    });
  });

  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }

  var ask = document.getElementById('ask-form');
  if (ask) {
    ask.addEventListener('submit', function (ev) {
      ev.preventDefault();
      say('Frage wird gestellt …');
      post('/staff/api/explain', fields(ask)).then(function (r) {
        var replies = document.getElementById('ask-replies');
        var facts = document.getElementById('ask-facts');
        replies.textContent = '';
        facts.textContent = '';
        r.replies.forEach(function (rep) {
          var box = add(replies, 'div', undefined, 'reply');
          add(box, 'pre', rep.lines.join('\n'));
          if (rep.options.length) {
            var ul = add(box, 'ul', undefined, 'options');
            rep.options.forEach(function (o) { add(ul, 'li', o); });
          }
        });
        function fact(k, v) { add(facts, 'dt', k); add(facts, 'dd', v); }
        fact('Erkannt', r.nlu.intent + ' (' + r.nlu.score.toFixed(2) + ')');
        fact('Weitere Kandidaten', r.nlu.ranked.filter(function (x) { return x.intent !== r.nlu.intent; }).slice(0, 3)
          .map(function (x) { return x.intent + ' ' + x.score.toFixed(2); }).join(', ') || '–');
        fact('Merkmale', Object.keys(r.nlu.entities).map(function (k) { return k + '=' + r.nlu.entities[k]; }).join(', ') || '–');
        fact('Sicherheitsprüfung', r.safety ? 'Krisenhinweis: ' + r.safety : 'keine Krise erkannt');
        if (r.answer) {
          fact('Eintrag', r.answer.title + ' (' + r.answer.id + ', ' + r.answer.layer + ')');
          fact('Geprüft', r.answer.reviewed);
          fact('Rechtsgrundlage', r.answer.legal.join('; ') || '–');
          fact('Quellen', r.answer.sources.map(function (x) { return x.title + (x.url ? ' <' + x.url + '>' : ''); }).join(' · '));
        } else {
          fact('Eintrag', 'kein Wissenseintrag für diese Absicht');
        }
        document.getElementById('ask-explain').textContent = r.explain.join('\n');
        document.getElementById('ask-result').hidden = false;
        say('Antwort und Erklärung sind da.');
      }, function (err) { say('Fehler: ' + err.message); });
    });
  }

  var chartData = document.getElementById('chart-data');
  var canvas = document.getElementById('planning-chart');
  if (chartData && canvas && window.Chart) {
    var d = JSON.parse(chartData.textContent);
    var colours = ['#1f5fa8', '#b04a00', '#2e7d32', '#6a1b9a', '#00695c', '#8d6e00', '#ad1457', '#37474f'];
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.weeks,
        datasets: d.series.map(function (s, i) { return { label: s.topic, data: s.data, backgroundColor: colours[i % colours.length] }; }),
      },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    });
  }
})();
