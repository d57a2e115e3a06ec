/* Contact log: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
  }

  // Type-ahead: a search box that narrows the options of a <select data-typeahead>.
  function typeahead(select) {
    var box = document.createElement("input");
    var id = select.id + "-filter";
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.className = "typeahead-label";
    label.textContent = select.multiple ? "Gruppen filtern" : "Thema suchen";
    box.type = "search";
    box.id = id;
    box.className = "typeahead";
    box.autocomplete = "off";
    box.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(box, select);
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    select.parentNode.insertBefore(status, select.nextSibling);

    function visible() {
      return Array.prototype.filter.call(select.options, function (o) { return !o.hidden && o.value !== "0"; });
    }
    box.addEventListener("input", function () {
      var q = fold(box.value.trim());
      Array.prototype.forEach.call(select.options, function (o) {
        o.hidden = q !== "" && o.value !== "0" && fold(o.text).indexOf(q) === -1 && !o.selected;
      });
      var hits = visible().length;
      status.textContent = hits + " Treffer";
      if (!select.multiple && q !== "" && hits >= 1) {
        var first = visible().find(function (o) { return fold(o.text).indexOf(q) !== -1; });
        if (first) { select.value = first.value; select.dispatchEvent(new Event("change")); }
      }
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); select.focus(); }
    });
  }

  // Choosing a topic fills in its topic area.
  function topicArea() {
    var topic = document.getElementById("topic");
    if (!topic) { return; }
    topic.addEventListener("change", function () {
      var option = topic.options[topic.selectedIndex];
      var area = option && option.getAttribute("data-area");
      if (!area) { return; }
      var radio = document.querySelector('input[name="topic_area"][value="' + area + '"]');
      if (radio) { radio.checked = true; }
    });
  }

  // PDF rendering: poll the state and offer the file when it is ready.
  function renderStatus() {
    var box = document.getElementById("render-status");
    if (!box || !window.fetch) { return; }
    var url = box.getAttribute("data-status-url");
    var refresh = box.querySelector("[data-render-refresh]");
    if (!refresh) { return; }  // already finished when the page was rendered
    refresh.hidden = true;
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          box.querySelector("[data-render-label]").textContent = s.label;
          box.querySelector("[data-render-percent]").textContent = s.progress;
          box.querySelector("progress").value = s.progress;
          if (s.download) {
            var p = box.querySelector("[data-render-download]");
            p.querySelector("a").href = s.download;
            p.hidden = false;
          }
          if (s.state === "queued" || s.state === "running") { window.setTimeout(poll, 1000); }
          else if (s.state === "failed") { refresh.hidden = false; }
        })
        .catch(function () { refresh.hidden = false; });
    }
    window.setTimeout(poll, 500);
  }

  // The medium (e-mail, letter, form) belongs to written contacts only: show it when "written" is chosen.
  function mediumForWritten() {
    var medium = document.getElementById("medium");
    if (!medium) { return; }
    var channels = document.querySelectorAll("input[name='channel']");
    function update() {
      var written = document.querySelector("input[name='channel'][value='written']");
      medium.hidden = !(written && written.checked);
    }
    Array.prototype.forEach.call(channels, function (input) { input.addEventListener("change", update); });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-typeahead]"), typeahead);
    topicArea();
    mediumForWritten();
    renderStatus();
  });
})();
