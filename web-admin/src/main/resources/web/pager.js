"use strict";
// bbx.pager(container, pageSize, draw): pages a list on the client with "1–20 of 57" and
// previous/next buttons; pager.show(items) draws the current page, keeping it when it still exists.
// bbx.remotePager(container, pageSize, fetchPage): the server pages (fetchPage(offset, limit)
// resolves to the total of all matches, after drawing the rows); pager.load() fetches the current page.
(function () {
  // "previous", "1–20 of 57", "next" in the container
  function controls(container) {
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
    return { info: info, previous: previous, next: next };
  }

  window.bbx.pager = function (container, pageSize, draw) {
    let items = [];
    let page = 0;
    const c = controls(container);
    const info = c.info;
    const previous = c.previous;
    const next = c.next;

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

  window.bbx.remotePager = function (container, pageSize, fetchPage) {
    let page = 0;
    let total = 0;
    const c = controls(container);
    const info = c.info;
    const previous = c.previous;
    const next = c.next;

    async function load() {
      const got = await fetchPage(page * pageSize, pageSize);
      if (got === null) {
        return;
      }
      total = got.total;
      const pages = Math.max(1, Math.ceil(total / pageSize));
      if (page > pages - 1 && total > 0) {
        page = pages - 1;
        return load();
      }
      const first = page * pageSize;
      info.textContent = bbx.t("core.paging", [got.shown === 0 ? 0 : first + 1, first + got.shown, total]);
      info.dataset.total = String(total);
      previous.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    previous.addEventListener("click", function () { page--; load(); });
    next.addEventListener("click", function () { page++; load(); });
    return {
      load: load,
      first: function () { page = 0; }
    };
  };
})();
