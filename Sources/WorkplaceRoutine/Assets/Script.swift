/// `app.js`: progressive enhancement only — every page works without it.
///
/// - Quick exit: a click on the button, or Shift pressed three times within five seconds (with no
///   other key in between), blanks the page at once and leaves through `/exit`, which ends the
///   session and redirects to a neutral site. `location.replace` keeps the current page out of the
///   back button's way.
/// - The error summary takes focus when a form comes back with errors.
/// - Forms marked `data-upload` show upload progress for large files, then follow the server's
///   redirect to the upload's own page.
/// - Buttons marked `data-print` open the browser's print dialogue (the printable guide).
enum Script {
    static let text = #"""
(function () {
  "use strict";
  var exiting = false;
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    if (exiting) { return; }
    exiting = true;
    document.documentElement.classList.add("is-exiting");
    var target = document.querySelector("[data-quick-exit]");
    window.location.replace(target ? target.getAttribute("href") : "/exit");
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (link) { quickExit(event); }
  });
  var shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { shiftPresses = []; return; }
    if (event.repeat) { return; }
    var now = Date.now();
    shiftPresses = shiftPresses.filter(function (t) { return now - t < 5000; });
    shiftPresses.push(now);
    if (shiftPresses.length >= 3) { quickExit(null); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }

    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });

    Array.prototype.forEach.call(document.querySelectorAll("form[data-upload]"), function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.XMLHttpRequest || !window.FormData) { return; }
        var progress = form.querySelector("progress");
        var status = form.querySelector("[data-upload-status]");
        if (!progress) { return; }
        event.preventDefault();
        var request = new XMLHttpRequest();
        request.open("POST", form.getAttribute("action"));
        request.upload.addEventListener("progress", function (e) {
          if (e.lengthComputable) {
            progress.value = Math.round((e.loaded / e.total) * 100);
            if (status) { status.textContent = progress.value + " %"; }
          }
        });
        // The server answers an upload with a redirect to the import's own page (POST/redirect/GET);
        // XMLHttpRequest follows it, and we go there.
        request.addEventListener("load", function () {
          window.location.assign(request.responseURL || form.getAttribute("action"));
        });
        request.addEventListener("error", function () { form.submit(); });
        progress.hidden = false;
        request.send(new FormData(form));
      });
    });
  });
})();
"""#
}
