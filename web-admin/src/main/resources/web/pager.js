"use strict";
// bbx.pager(container, pageSize, draw): pages a list on the client with "1–20 of 57" and
// previous/next buttons; pager.show(items) draws the current page, keeping it when it still exists.
(function () {
  window.bbx.pager = function (container, pageSize, draw) {
    let items = [];
    let page = 0;
    const info = document.createElement("span");
    const previous = document.createElement("button");
    const next = document.createElement("button");
    previous.type = "button";
    next.type = "button";
    previous.className = "secondary outline";
    next.className = "secondary outline";
    previous.textContent = bbx.t("core.previous");
    next.textContent = bbx.t("core.next");
    container.classList.add("paging");
    container.replaceChildren(previous, info, next);

    function render() {
      const pages = Math.max(1, Math.ceil(items.length / pageSize));
      page = Math.min(page, pages - 1);
      const first = page * pageSize;
      const last = Math.min(items.length, first + pageSize);
      info.textContent = bbx.t("core.paging", [items.length === 0 ? 0 : first + 1, last, items.length]);
      previous.disabled = page === 0;
      next.disabled = page >= pages - 1;
      draw(items.slice(first, last));
    }

    previous.addEventListener("click", function () { page--; render(); });
    next.addEventListener("click", function () { page++; render(); });
    return {
      show: function (list) { items = list; render(); },
      first: function () { page = 0; }
    };
  };
})();
