"use strict";
// bbx.confirm(text): asks before an action in a modal <dialog> (not window.confirm, which blocks
// the page's live updates); resolves true on OK, false on Cancel or Escape.
(function () {
  let dialog = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.id = "confirm-dialog";
    const article = document.createElement("article");
    const title = document.createElement("h3");
    title.textContent = bbx.t("core.confirm.title");
    const text = document.createElement("p");
    text.id = "confirm-text";
    const footer = document.createElement("footer");
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.id = "confirm-cancel";
    cancel.className = "secondary";
    cancel.textContent = bbx.t("core.cancel");
    const ok = document.createElement("button");
    ok.type = "button";
    ok.id = "confirm-ok";
    ok.textContent = bbx.t("core.confirm");
    footer.append(cancel, ok);
    article.append(title, text, footer);
    dialog.appendChild(article);
    document.body.appendChild(dialog);
  }

  window.bbx.confirm = function (message) {
    if (dialog === null) {
      build();
    }
    dialog.querySelector("#confirm-text").textContent = message;
    return new Promise(function (resolve) {
      function done(answer) {
        dialog.querySelector("#confirm-ok").onclick = null;
        dialog.querySelector("#confirm-cancel").onclick = null;
        dialog.onclose = null;
        if (dialog.open) {
          dialog.close();
        }
        resolve(answer);
      }
      dialog.querySelector("#confirm-ok").onclick = function () { done(true); };
      dialog.querySelector("#confirm-cancel").onclick = function () { done(false); };
      dialog.onclose = function () { done(false); };
      dialog.showModal();
      dialog.querySelector("#confirm-ok").focus();
    });
  };
})();
