"use strict";
// The one navigation of every signed-in page, built from the menu the server computed for this
// user (only pages the user may open and this box has), plus who is signed in, the language
// switch, the password change and log out. Pages put <header id="nav"></header> first in <body>.
(function () {
  const header = document.getElementById("nav");
  if (!header) {
    return;
  }

  function item(child) {
    const li = document.createElement("li");
    li.appendChild(child);
    return li;
  }

  function link(href, key) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = bbx.t(key);
    if (window.location.pathname === href) {
      a.setAttribute("aria-current", "page");
    }
    return a;
  }

  function languageSwitch(current) {
    const select = document.createElement("select");
    select.id = "language";
    select.setAttribute("aria-label", bbx.t("core.nav.language"));
    ["zh-CN", "en"].forEach(function (tag) {
      const option = document.createElement("option");
      option.value = tag;
      option.textContent = bbx.t("core.language." + tag);
      select.appendChild(option);
    });
    select.value = current;
    select.addEventListener("change", function () { bbx.setLanguage(select.value); });
    return select;
  }

  bbx.ready.then(function (s) {
    const nav = document.createElement("nav");
    nav.setAttribute("aria-label", bbx.t("core.nav.label"));
    const brand = document.createElement("ul");
    const name = document.createElement("strong");
    name.textContent = bbx.t("core.product");
    brand.appendChild(item(name));
    const pages = document.createElement("ul");
    pages.id = "nav-pages";
    s.nav.forEach(function (entry) { pages.appendChild(item(link(entry.path, entry.labelKey))); });
    const user = document.createElement("ul");
    const who = document.createElement("span");
    who.id = "who";
    who.textContent = s.username;
    who.title = s.roles.map(function (r) { return bbx.t("core.role." + r); }).join("、");
    user.appendChild(item(who));
    user.appendChild(item(languageSwitch(s.language)));
    user.appendChild(item(link("/password", "core.nav.password")));
    const logout = document.createElement("button");
    logout.type = "button";
    logout.id = "logout";
    logout.className = "secondary outline";
    logout.textContent = bbx.t("core.nav.logout");
    logout.addEventListener("click", bbx.logout);
    user.appendChild(item(logout));
    nav.append(brand, pages, user);
    header.replaceChildren(nav);
  });
})();
