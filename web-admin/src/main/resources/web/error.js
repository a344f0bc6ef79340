"use strict";
// The friendly 403 and 404 pages: speak the language last used on this browser and link home.
(function () {
  window.bbxI18n.load(window.bbxI18n.stored());
})();
