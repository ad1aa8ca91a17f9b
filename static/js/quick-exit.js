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
