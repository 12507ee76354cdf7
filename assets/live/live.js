// The participants' page of a live session, made live: the position saves itself a moment
// after the slider stops (no save button), and the page follows the chair through
// server-sent events. Without this script the page still works with its form and button.
"use strict";
(function () {
  var main = document.getElementById("live");
  if (!main) return;
  var base = main.getAttribute("data-base");
  var form = document.getElementById("position-form");
  var status = document.getElementById("status");
  if (form && window.fetch) {
    var input = document.getElementById("value");
    var save = document.getElementById("save");
    var timer = null;
    save.hidden = true;
    var send = function () {
      timer = null;
      var body = new URLSearchParams(new FormData(form));
      fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-Pejling-Fetch": "1" },
      })
        .then(function (res) {
          if (res.status === 409) return location.reload();
          status.textContent = res.ok
            ? main.getAttribute("data-saved").replace("{value}", input.value)
            : main.getAttribute("data-failed");
        })
        .catch(function () {
          status.textContent = main.getAttribute("data-failed");
        });
    };
    input.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(send, 400);
    });
    var reason = document.getElementById("reason");
    if (reason) {
      reason.addEventListener("input", function () {
        if (timer) clearTimeout(timer);
        timer = setTimeout(send, 700);
      });
    }
    input.addEventListener("change", function () {
      if (timer) clearTimeout(timer);
      send();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send();
    });
  }
  var pointForm = document.getElementById("point-form");
  if (pointForm && window.fetch) {
    var pointStatus = document.getElementById("point-status");
    var pointText = document.getElementById("point");
    pointForm.addEventListener("submit", function (event) {
      event.preventDefault();
      if (pointText.value.trim() === "") return;
      var body = new URLSearchParams(new FormData(pointForm));
      fetch(pointForm.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-Pejling-Fetch": "1" },
      })
        .then(function (res) {
          if (res.status === 409) return location.reload();
          if (res.ok) {
            pointStatus.textContent = main.getAttribute("data-point-sent");
            pointText.value = "";
          } else {
            pointStatus.textContent = main.getAttribute("data-failed");
          }
        })
        .catch(function () {
          pointStatus.textContent = main.getAttribute("data-failed");
        });
    });
  }
  if (window.EventSource) {
    var events = new EventSource(base + "/events");
    events.addEventListener("change", function (event) {
      var change = JSON.parse(event.data);
      if (change.key !== main.getAttribute("data-key")) {
        events.close();
        location.reload();
        return;
      }
      var count = document.getElementById("count");
      if (count && count.textContent !== change.count) count.textContent = change.count;
    });
    // The session ended (the chair stopped it, or the meeting's database was restored):
    // say so, and take no more positions here.
    events.addEventListener("ended", function (event) {
      events.close();
      var ended = document.getElementById("ended");
      if (ended) {
        ended.textContent = JSON.parse(event.data).message;
        ended.hidden = false;
      }
      var forms = [form, pointForm];
      for (var k = 0; k < forms.length; k++) {
        if (!forms[k]) continue;
        var fields = forms[k].querySelectorAll("input, textarea, button");
        for (var i = 0; i < fields.length; i++) fields[i].disabled = true;
      }
    });
  }
  // Tests (and nothing else) wait for this before they move the slider: a page reloaded for a
  // new round shows its form before this deferred script has hooked the saving to it.
  main.setAttribute("data-ready", "");
})();
