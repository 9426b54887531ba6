// Registers the service worker that keeps the site working offline
// (see build_scripts/templates/sw.js.j2). It lives at the site's root, so the
// site works offline under a sub-path too. It waits until the page has loaded
// and the browser is idle, so that keeping the offline copy never slows the
// page the person is reading; on the checker page, until the checker's engine
// has started too, so that on a slow link the offline copy does not share it
// with the engine's download.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const root = new URL("../../", document.currentScript.src);
  // A page of another language's edition asks for that edition's pages to be kept
  // too (the service worker keeps only the English pages when it installs).
  const keepEdition = () => navigator.serviceWorker.ready.then((registration) => {
    if (registration.active) registration.active.postMessage(`keep-edition:${document.documentElement.lang}`);
  });
  const register = () => navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .then(keepEdition)
    .catch(() => {}); // without it the site still works online
  const engineSettled = () => (window.checker ? window.checker.ready.catch(() => {}) : Promise.resolve());
  const whenIdle = () => engineSettled().then(() => ("requestIdleCallback" in window
    ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1000)));
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
})();
