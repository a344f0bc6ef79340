# Writes src/main/resources/web/workorder-i18n.js from workorder_zh_CN.properties; run after changing the catalogue
# (WorkOrderCatalogueTest fails while they differ).
import json, os
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources', 'i18n')
d = {}
for line in open(os.path.join(here, 'workorder_zh_CN.properties'), encoding='utf-8').read().splitlines():
    if line.startswith('#') or '=' not in line:
        continue
    k, v = line.split('=', 1)
    d[k] = v
js = '''"use strict";
// Work-order labels. Generated from i18n/workorder_zh_CN.properties by web-admin/tools/gen-workorder-js.py, so
// the pages read Chinese (the default) before the shared catalogue loader serves them; bbx.t
// (the shared catalogue, in the user's language) wins once loaded.
window.woText = (function () {
  const zh = %s;
  return function (key, args) {
    const t = window.bbx && typeof window.bbx.t === "function" ? window.bbx.t : null;
    let s = (t && t(key) !== key) ? t(key) : (zh[key] || key);
    (args || []).forEach(function (a, i) { s = s.replace("{" + i + "}", String(a)); });
    return s;
  };
})();
''' % json.dumps(d, ensure_ascii=False, indent=2)
open(os.path.join(here, '..', 'web', 'workorder-i18n.js'), 'w', encoding='utf-8').write(js)
