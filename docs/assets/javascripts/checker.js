// The symptom checker page: starts the Python engine in a module worker as
// soon as the page opens, reads the form, and shows the result. No triage
// logic lives here; the answers never leave the page and are never stored.
(function () {
  "use strict";

  const scriptURL = document.currentScript.src;
  const siteRoot = new URL("../../", scriptURL);
  let worker = null;
  let nextId = 0;
  const pending = new Map();

  // --- The engine: one worker for the whole visit, kept across instant navigation.

  function startEngine(packageName) {
    if (window.checker) return window.checker;
    let settle;
    const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    const onMessage = ({ data }) => {
      if (data.type === "ready") {
        // Where the start-up time went, for build_scripts/benchmark.py.
        window.checkerStartup = data.timings;
        settle.resolve();
      }
      else if (data.type === "failed") settle.reject(new Error(data.message));
      // Whether the engine's snapshot was kept for the next visit, for tests and the benchmark.
      else if (data.type === "snapshot") window.checkerSnapshot = data;
      else if (data.type === "answer") {
        const { resolve, reject } = pending.get(data.id);
        pending.delete(data.id);
        if (data.result) resolve(data.result);
        // Invalid answers: the engine's message, and the field it names (or null).
        else if (data.invalid) reject(Object.assign(new Error(data.invalid.message),
                                                    { invalidAnswers: true, field: data.invalid.field }));
        else reject(new Error(data.failed));
      }
    };
    const onError = (event) => settle.reject(new Error(event.message || "the checker could not start"));
    // The page's head holds the engine's start (not when instant navigation brought
    // the reader here): on a return visit it has started it already; take the worker
    // over, with what it said meanwhile.
    const early = window.checkerEngine;
    const begin = () => {
      try {
        worker = early ? early.start() : new Worker(new URL("checker-worker.mjs", scriptURL), { type: "module" });
      } catch (error) {
        return settle.reject(error);
      }
      worker.onmessage = onMessage;
      worker.onerror = onError;
      if (early) {
        for (const event of early.said.splice(0)) (event.type === "error" ? onError : onMessage)(event);
      } else {
        // ?snapshot=off neither restores nor keeps a snapshot of the engine (for comparison).
        const snapshot = new URLSearchParams(location.search).get("snapshot") !== "off";
        worker.postMessage({ type: "start", package: packageName, snapshot });
      }
    };
    if (early && early.worker) begin();
    else afterFirstPaint(begin);
    ready.then(keepRuntimeOffline, () => {});
    window.checker = {
      ready,
      assess(answers) {
        return ready.then(() => new Promise((resolve, reject) => {
          const id = ++nextId;
          pending.set(id, { resolve, reject });
          // JSON.stringify(undefined) is undefined: send "null", which the engine refuses by name.
          worker.postMessage({ type: "assess", id, answers: JSON.stringify(answers) ?? "null" });
        }));
      },
    };
    return window.checker;
  }

  // Run once the page has painted (a frame, then a task); in a background tab, which
  // paints nothing, after a second.
  function afterFirstPaint(run) {
    let done = false;
    const once = () => { if (!done) { done = true; run(); } };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 1000);
  }

  // Once the engine has run, ask the service worker to keep its runtime for offline use.
  function keepRuntimeOffline() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then((registration) => {
      if (registration.active) registration.active.postMessage("keep-runtime");
    });
  }

  // --- Reading the form: each question's element says its field and kind.

  function visibleQuestions(form) {
    return [...form.querySelectorAll("[data-field]")].filter((question) => !question.hidden);
  }

  function collectAnswers(form) {
    const answers = {};
    for (const question of visibleQuestions(form)) {
      const name = question.dataset.field;
      const inputs = [...question.querySelectorAll(`[name="${name}"]`)];
      const checked = inputs.filter((input) => input.checked);
      switch (question.dataset.kind) {
        case "boolean":
          answers[name] = inputs[0].checked;
          break;
        case "choice":
          if (checked.length) answers[name] = checked[0].value;
          break;
        case "multi-choice":
          answers[name] = checked.map((input) => input.value);
          break;
        case "integer": {
          const value = inputs.length > 1 ? (checked[0] ? checked[0].value : "") : inputs[0].value.trim();
          // Not a whole number? Send it as typed: the engine names the problem.
          if (value !== "") answers[name] = /^-?\d+$/.test(value) ? Number(value) : value;
          break;
        }
      }
    }
    return answers;
  }

  function describeAnswers(form) {
    return visibleQuestions(form).map((question) => {
      const title = question.querySelector("legend, label").textContent.trim();
      const inputs = [...question.querySelectorAll("input")];
      let answer;
      if (question.dataset.kind === "boolean") answer = inputs[0].checked ? "Yes" : "No";
      else if (inputs.length === 1) answer = inputs[0].value || "Not answered";
      else {
        answer = inputs.filter((input) => input.checked)
          .map((input) => input.closest("label").textContent.trim()).join(", ") || "None";
      }
      return [title, answer];
    });
  }

  function updateVisibility(form) {
    for (const question of form.querySelectorAll("[data-show-if]")) {
      // "field" means that box is ticked; "field=value" means that answer is chosen.
      question.hidden = !question.dataset.showIf.split(" ").some((token) => {
        const [name, value] = token.split("=");
        return form.querySelector(value ? `[name="${name}"][value="${value}"]:checked`
                                        : `[name="${name}"]:checked`);
      });
    }
    const alert = form.querySelector("#checker-emergency-alert");
    if (alert) alert.hidden = !form.querySelector("[data-section='emergency'] input:checked");
  }

  // --- Showing the result (text only: nothing from the result becomes HTML).

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  }

  function siteLink(source, text, label) {
    const link = element("a", { href: new URL(source, siteRoot).href }, text);
    if (label) link.setAttribute("aria-label", label);
    return link;
  }

  function listSection(title, items, render) {
    if (!items || !items.length) return [];
    return [element("h3", {}, title), element("ul", {}, ...items.map((item) => element("li", {}, ...render(item))))];
  }

  function renderResult(box, result, form) {
    box.replaceChildren(
      element("div", { class: "checker-headline" },
        element("h2", { id: "checker-headline" }, result.headline),
        element("p", {}, result.action),
        element("p", { class: "checker-pause" }, result.pause_massage
          ? "No more massage until a doctor says it is safe."
          : "Massage again is fine once the soreness has gone: ask for lighter pressure.")),
      ...listSection("Why", result.reasons, (reason) =>
        [reason.text + " ", siteLink(reason.source, "Read more", `Read more: ${reason.text}`)]),
      ...listSection("What to do now", result.advice, (text) => [text]),
      ...listSection("Get help sooner if", result.watch_for, (text) => [text]),
      ...listSection("What may be causing it", result.likely_causes, (cause) =>
        [siteLink(cause.source, cause.title), ": " + cause.text]),
      element("div", { class: "checker-summary" },
        element("h3", {}, "Your answers"),
        element("dl", {}, ...describeAnswers(form).flatMap(([question, answer]) =>
          [element("dt", {}, question), element("dd", {}, answer)]))),
      element("div", { class: "checker-actions" },
        element("button", { type: "button", class: "md-button md-button--primary", "data-action": "print" },
          "Print or save for your doctor"),
        element("button", { type: "button", class: "md-button", "data-action": "restart" }, "Start again")),
    );
    box.dataset.level = result.level;
    box.hidden = false;
    box.focus();
  }

  function showStatus(page, text) {
    const status = page.querySelector("#checker-status");
    status.textContent = text;
    status.hidden = !text;
  }

  function showFallback(page) {
    page.querySelector("#checker-fallback").hidden = false;
    page.querySelector("#checker-form").hidden = true;
    showStatus(page, "");
  }

  // --- Wiring one rendering of the checker page (again after instant navigation).

  function bind(page) {
    const form = page.querySelector("#checker-form");
    const box = page.querySelector("#checker-result");
    const engine = startEngine(form.dataset.package);
    engine.ready.catch(() => showFallback(page));
    updateVisibility(form);
    form.addEventListener("change", () => updateVisibility(form));

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      form.querySelector("#checker-problem").hidden = true;
      const answers = collectAnswers(form);
      const loading = setTimeout(() => showStatus(page, "The checker is still loading. Your result will appear here in a moment."), 150);
      try {
        const result = await engine.assess(answers);
        showStatus(page, "");
        renderResult(box, result, form);
      } catch (error) {
        if (!error.invalidAnswers) return showFallback(page);
        showProblem(form, error.message, error.field);
      } finally {
        clearTimeout(loading);
      }
    });

    box.addEventListener("click", (event) => {
      const action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.dataset.action === "print") window.print();
      if (action.dataset.action === "restart") {
        form.reset();
        box.replaceChildren();
        box.hidden = true;
        delete box.dataset.level;
        updateVisibility(form);
        page.scrollIntoView();
        form.querySelector("input").focus();
      }
    });
  }

  // An invalid answer: say which question, in the engine's words, and go there.
  function showProblem(form, message, field) {
    const problem = form.querySelector("#checker-problem");
    const question = field ? form.querySelector(`[data-field="${CSS.escape(field)}"]`) : null;
    const title = question ? question.querySelector("legend, label").textContent.trim() : "";
    problem.textContent = title ? `Please check this answer: "${title}" (${message})` : message;
    problem.hidden = false;
    if (question) question.querySelector("input").focus();
  }

  // Material's instant navigation swaps pages without reloading scripts.
  function onPage() {
    const page = document.querySelector("#checker-page");
    if (page && !page.dataset.bound) {
      page.dataset.bound = "true";
      bind(page);
    }
  }

  if (window.document$) window.document$.subscribe(onPage);
  else document.addEventListener("DOMContentLoaded", onPage);
})();
