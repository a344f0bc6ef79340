"use strict";
// bbx.pages(container, size, url, draw): the one paging component of every list in the web admin.
// The box pages every list (the envelope {items, total, offset, limit} of admin.http.Paging);
// this asks for one page at a time with ?offset=&limit=, hands the page's items to draw(items),
// and shows "21–40 of 57" between "previous" and "next". url(offset, limit) returns the address
// to fetch (the page's filters are its business), or the page itself, or a promise of it (null:
// nothing to show, e.g. a list the user may not read; the rows shown stay). An error answer is
// shown in #message (or the page's onError) and keeps the current rows. Returns { load(), first() }:
// load() refetches the current page (after a change), first() goes back to page 1 (after a new search).
(function () {
  window.bbx.pages = function (container, size, url, draw, onError) {
    let offset = 0;
    const info = document.createElement("span");
    const previous = document.createElement("button");
    const next = document.createElement("button");
    [previous, next].forEach(function (b) {
      b.type = "button";
      b.className = "secondary outline";
    });
    previous.textContent = bbx.t("core.previous");
    next.textContent = bbx.t("core.next");
    info.className = "paging-info";
    container.classList.add("paging");
    container.replaceChildren(previous, info, next);

    async function fetched(address) {
      const response = await fetch(address);
      if (!response.ok) {
        const text = await bbx.errorOf(response);
        const message = document.getElementById("message");
        if (onError) {
          onError(text);
        } else if (message) {
          message.textContent = text;
        }
        return null;
      }
      return response.json();
    }

    async function load() {
      const source = url(offset, size);
      const page = typeof source === "string" ? await fetched(source) : await source;
      if (page === null) {
        return null;
      }
      if (page.items.length === 0 && page.total > 0 && offset > 0) {
        // the last page emptied under us (a row deleted elsewhere): show the last one that has rows
        offset = Math.max(0, Math.floor((page.total - 1) / size) * size);
        return load();
      }
      draw(page.items, page);
      container.dataset.loaded = "true"; // shown once a page came (style.css): no dead buttons before
      info.textContent = bbx.t("core.paging",
          [page.items.length === 0 ? 0 : offset + 1, offset + page.items.length, page.total]);
      info.dataset.total = String(page.total);
      previous.disabled = offset === 0;
      next.disabled = offset + size >= page.total;
      return page;
    }

    previous.addEventListener("click", function () { offset = Math.max(0, offset - size); load(); });
    next.addEventListener("click", function () { offset += size; load(); });
    return {
      load: load,
      first: function () { offset = 0; }
    };
  };
})();
