// Registers the service worker that keeps the site working offline
// (see build_scripts/templates/sw.js.j2). It lives at the site's root, so the
// site works offline under a sub-path too.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const root = new URL("../../", document.currentScript.src);
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname })
    .catch(() => {}); // without it the site still works online
})();
