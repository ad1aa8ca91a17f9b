// Quick exit: hide the page at once and replace it (not push), so Back does not return.
// Without JavaScript the control is a plain link to the same neutral site.
(function () {
  "use strict";
  var control = document.getElementById("quick-exit");
  if (!control) return;
  var target = control.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    window.location.replace(target);
  }

  control.addEventListener("click", leave);

  // Shown once per visit, before first use: quick exit does not erase the history.
  // Remembered in sessionStorage, which the browser empties when the tab is closed:
  // never a cookie, and nothing that outlives the visit for someone to find later. If
  // storage is blocked, the note stays hidden (the help link beside the control says
  // the same on every page).
  var SEEN = "quick-exit-note-seen";
  var note = document.getElementById("quick-exit-note");
  if (note) {
    try {
      if (!window.sessionStorage.getItem(SEEN)) {
        window.sessionStorage.setItem(SEEN, "1");
        note.hidden = false;
        document.getElementById("quick-exit-note-close").addEventListener(
          "click",
          function () { note.hidden = true; control.focus(); }
        );
      }
    } catch (error) {
      // No storage (blocked or full): show nothing rather than on every page.
    }
  }

  // Three presses of Shift within a second, as in GOV.UK's "Exit this page".
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
