// The staff pages' only script: the login, "Ask & explain", forms marked data-api (sent as JSON
// with the session's CSRF token, then the page reloads) and the planning chart (chart.js, local).
// Its words come with the page (#staff-strings, from locales/<lang>/staff.json).
(function () {
  'use strict';
  var main = document.getElementById('main');
  var csrf = main ? main.getAttribute('data-csrf') : '';
  var status = document.querySelector('.status');
  var stringsEl = document.getElementById('staff-strings');
  var T = stringsEl ? JSON.parse(stringsEl.textContent) : {};

  function say(text) { if (status) status.textContent = text; }

  function post(url, data) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf || '' },
      body: JSON.stringify(data),
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) {
          var err = new Error(body.message || ('HTTP ' + res.status));
          err.code = body.error;
          throw err;
        }
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
        say(err.code === 'InvalidLogin' ? T.wrongLogin : err.code === 'Locked' ? T.locked : err.message);
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
        say(T.notSaved + ' ' + err.message);
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
      say(T.asking);
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
        fact(T.recognised, r.nlu.intent + ' (' + r.nlu.score.toFixed(2) + ')');
        fact(T.runnersUp, r.nlu.ranked.filter(function (x) { return x.intent !== r.nlu.intent; }).slice(0, 3)
          .map(function (x) { return x.intent + ' ' + x.score.toFixed(2); }).join(', ') || '–');
        fact(T.entities, Object.keys(r.nlu.entities).map(function (k) { return k + '=' + r.nlu.entities[k]; }).join(', ') || '–');
        fact(T.safety, r.safety ? T.crisis + ' ' + r.safety : T.noCrisis);
        if (r.answer) {
          fact(T.entry, r.answer.title + ' (' + r.answer.id + ', ' + r.answer.layer + ')');
          fact(T.reviewed, r.answer.reviewed);
          fact(T.legal, r.answer.legal.join('; ') || '–');
          fact(T.sources, r.answer.sources.map(function (x) { return x.title + (x.url ? ' <' + x.url + '>' : ''); }).join(' · '));
        } else {
          fact(T.entry, T.noEntry);
        }
        document.getElementById('ask-explain').textContent = r.explain.join('\n');
        document.getElementById('ask-result').hidden = false;
        say(T.answered);
      }, function (err) { say(T.failed + ' ' + err.message); });
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
