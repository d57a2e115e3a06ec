/* Checkbox lists (fieldset[data-checklist]): a search box that narrows the list, and a live count of
   the chosen entries. Progressive enhancement only: without this file every box is still there. */
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
  }

  function enhance(set, index) {
    var box = set.querySelector(".checklist-box");
    if (!box) { return; }
    var items = Array.prototype.slice.call(box.querySelectorAll(".checklist-item"));
    var id = (set.id || "checklist-" + index) + "-search";
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.className = "checklist-search-label";
    label.textContent = set.getAttribute("data-search-label") || "Liste durchsuchen";
    var search = document.createElement("input");
    search.type = "search";
    search.id = id;
    search.className = "checklist-search";
    search.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "checklist-status";
    status.setAttribute("role", "status");
    set.insertBefore(status, box);
    set.insertBefore(search, status);
    set.insertBefore(label, search);

    function update() {
      var q = fold(search.value.trim());
      var shown = 0;
      var chosen = 0;
      items.forEach(function (item) {
        var input = item.querySelector("input");
        var hit = q === "" || fold(item.textContent).indexOf(q) !== -1 || input.checked;
        item.hidden = !hit;
        if (hit) { shown += 1; }
        if (input.checked) { chosen += 1; }
      });
      status.textContent = chosen + " gewählt" + (q ? " · " + shown + " Treffer" : "");
    }
    search.addEventListener("input", update);
    search.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {  // Enter ticks the only (or first) match instead of sending the form
        e.preventDefault();
        var first = items.find(function (item) { return !item.hidden && !item.querySelector("input").checked; });
        if (first && search.value.trim() !== "") {
          first.querySelector("input").checked = true;
          search.value = "";
          update();
        }
      }
    });
    box.addEventListener("change", update);
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("fieldset[data-checklist]"), enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
