/* Staff menu groups (<details> in nav.staff-menu): one group open at a time; Escape closes the open group
   and puts the focus back on its summary; a click or focus outside the menu closes it. Progressive
   enhancement only: without this file each group still opens and closes by mouse, touch and keyboard. */
(function () {
  "use strict";

  var menu = document.querySelector("nav.staff-menu");
  if (!menu) { return; }
  var groups = Array.prototype.slice.call(menu.querySelectorAll("details"));

  function closeAll(except) {
    groups.forEach(function (group) {
      if (group !== except) { group.open = false; }
    });
  }

  groups.forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (group.open) { closeAll(group); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = groups.filter(function (group) { return group.open; })[0];
    if (!open) { return; }
    open.open = false;
    open.querySelector("summary").focus();
  });

  function outside(event) {
    if (!menu.contains(event.target)) { closeAll(null); }
  }
  document.addEventListener("click", outside);
  document.addEventListener("focusin", outside);
})();
