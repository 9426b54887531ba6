// The symptom checker page: starts the Python engine in a module worker as
// soon as the page opens, walks the reader through the form one step at a
// time, and shows the result. No triage logic lives here, and no fact about
// the questions: the form carries what this script needs as data. The answers
// never leave the page and are never stored.
(function () {
  "use strict";

  const scriptURL = document.currentScript.src;
  const siteRoot = new URL("../../", scriptURL);
  // The checker page's own words, in its language (build_scripts/page_texts.py), and
  // the root of its language's pages, which the result's links are relative to: both
  // from the form (data-texts, data-pages), set when the checker is bound to a page.
  let TEXTS = {};
  let pagesRoot = siteRoot;

  // A text of the page, its names in braces filled in.
  function say(key, values = {}) {
    return TEXTS[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  // How long a request to a ready engine may go unanswered. Once ready, the engine
  // answers in milliseconds (the benchmark: a median of 5 ms and at most about 100 ms
  // on the project's 2-core machine); a slow phone may be a hundred times slower,
  // still far below this.
  // No reply by then means its worker has died or hangs, and a reader waiting to
  // know whether to get help should get the warning signs rather than wait on.
  const REPLY_LIMIT_MS = 15000;

  // How long the engine may take to start before the page shows the warning signs
  // (and goes on waiting: the questions come back when it is ready). On the
  // benchmark's phone link (1.6 Mbit/s, 150 ms a response) a first visit is ready in
  // about 26 s, and a return visit in under a second; 90 s leaves room for a link at
  // a third of that speed, or a slow phone, before a reader in doubt is left waiting.
  const START_LIMIT_MS = 90000;

  // The limits in force: a test may set shorter ones before the page loads.
  const LIMITS = { start: START_LIMIT_MS, answer: REPLY_LIMIT_MS, ...window.checkerLimits };

  // The query parameter of the one reload that fetches a page of the engine's build.
  const RELOADED = "checker-build";

  // The error of a request the engine never answered: the page shows the warning signs.
  function noReply(message) {
    return Object.assign(new Error(message), { noReply: true });
  }

  // An answer the page refused before sending it, in the engine's own shape.
  function invalid(message, field = null) {
    return Object.assign(new Error(message), { invalidAnswers: true, field });
  }

  // --- The engine: one worker, kept across instant navigation while the pages it
  // serves are of its build. A page and an engine of two builds (a deployment
  // between them) never exchange answers: the engine is started again, or the page
  // loaded again, first.

  function startEngine(form) {
    const build = form.dataset.build;
    if (window.checker && window.checker.expects === build) return window.checker;
    if (window.checker) window.checker.stop(noReply("the checker was replaced by a newer version"));
    const pending = new Map(); // requests sent to the engine, by id: { resolve, reject, timer }
    let worker = null;
    let nextId = 0;
    let settled = false;
    let settle;
    const ready = new Promise((resolve, reject) => {
      settle = {
        resolve() { settled = true; clearTimeout(slowTimer); resolve(); },
        reject(error) { settled = true; clearTimeout(slowTimer); reject(error); },
      };
    });
    // Resolves if the engine has not started within the limit; it goes on starting.
    let slowTimer;
    const slow = new Promise((resolve) => { slowTimer = setTimeout(resolve, LIMITS.start); });
    let stopped = null; // why the engine stopped answering, once it has
    // The engine is gone: every request waiting for it, and every later one, fails at once.
    const stop = (error) => {
      stopped = stopped || error;
      settle.reject(stopped);
      for (const { reject, timer } of pending.values()) {
        clearTimeout(timer);
        reject(stopped);
      }
      pending.clear();
      if (worker) worker.terminate();
    };
    const onReady = (data) => {
      // Where the start-up time went, for build_scripts/benchmark.py.
      window.checkerStartup = data.timings;
      engine.build = data.build;
      if (data.build === build) return settle.resolve();
      // An engine of another deployment than this page: the page is the one to load
      // again (the engine comes, past the HTTP cache, from what the server or the
      // service worker has now). Once only: if they still differ, give up here.
      if (!reloadForBuild(data.build)) stop(new Error("this page and the checker's engine are of two versions"));
    };
    const onMessage = ({ data }) => {
      if (data.type === "ready") onReady(data);
      else if (data.type === "failed") settle.reject(new Error(data.message));
      // Whether the engine's snapshot was kept for the next visit, for tests and the benchmark.
      else if (data.type === "snapshot") window.checkerSnapshot = data;
      else if (data.type === "answer") {
        const request = pending.get(data.id);
        if (!request) return; // too late: it has failed already
        const { resolve, reject, timer } = request;
        clearTimeout(timer);
        pending.delete(data.id);
        if (data.result) resolve(data.result);
        // Invalid answers: the engine's message, and the field it names (or null).
        else if (data.invalid) reject(invalid(data.invalid.message, data.invalid.field));
        else reject(new Error(data.failed));
      }
    };
    // Before the engine is ready, an error means it could not start; after, that its worker
    // died, and nothing it was asked will be answered.
    const onError = (event) => {
      const why = event.message || "the checker's worker stopped";
      settle.reject(new Error(why));
      stop(noReply(why));
    };
    // The page's head holds the one way to start the engine (partials/checker_start.html):
    // on a return visit it has started it already; take the worker over, with what it
    // said meanwhile. Only once: a later engine is new.
    const early = window.checkerEngine && !window.checkerEngine.taken ? window.checkerEngine : null;
    if (early) early.taken = true;
    const begin = () => {
      if (stopped) return;
      try {
        worker = early ? early.start() : window.checkerEngine.begin();
      } catch (error) {
        return settle.reject(error);
      }
      worker.onmessage = onMessage;
      worker.onerror = onError;
      if (early) {
        for (const event of early.said.splice(0)) (event.type === "error" ? onError : onMessage)(event);
      }
    };
    ready.then(keepRuntimeOffline, () => {});
    const engine = {
      ready,
      slow: slow.then(() => !settled),
      expects: build,
      build: null, // the engine's own build, once it is ready
      stop,
      assess(answers) {
        let text;
        try {
          text = answersAsJSON(answers);
        } catch (error) {
          return Promise.reject(error);
        }
        return ready.then(() => new Promise((resolve, reject) => {
          if (stopped) return reject(stopped);
          const id = ++nextId;
          // A worker that hangs frees nothing by itself: stop it, and fail what it was asked.
          const timer = setTimeout(() => {
            stop(noReply(`the checker did not answer within ${LIMITS.answer / 1000} s`));
          }, LIMITS.answer);
          pending.set(id, { resolve, reject, timer });
          // The result's words in the page's language (the form's data-language).
          worker.postMessage({ type: "assess", id, answers: text, language: form.dataset.language });
        }));
      },
    };
    window.checker = engine;
    if (early && early.worker) begin();
    else afterFirstPaint(begin);
    return engine;
  }

  // Load the page again, once, so that it comes from where the engine came from; return
  // false if this page is that reload already.
  function reloadForBuild(engineBuild) {
    const url = new URL(location.href);
    if (url.searchParams.get(RELOADED) === engineBuild) return false;
    url.searchParams.set(RELOADED, engineBuild);
    url.hash = "";
    location.replace(url.href);
    return true;
  }

  // --- Answers given to window.checker.assess, as the JSON text the engine reads.
  // Anything JSON cannot carry is refused here, by field, in a short message: a
  // BigInt, a value that contains itself, or one nested deeper than answers ever are.

  const DEEPEST = 8; // answers are an object of numbers, words and lists of words
  const SHOWN = 40; // how much of a field's name a message repeats

  function answersAsJSON(answers) {
    if (answers === null || typeof answers !== "object" || Array.isArray(answers)) {
      // JSON.stringify(undefined) is undefined: send "null", which the engine refuses by name.
      const problem = unreadable(answers, 0, new Set());
      if (problem) throw invalid(`the answers must be a JSON object: they ${problem}`);
      return JSON.stringify(answers) ?? "null";
    }
    for (const [field, value] of Object.entries(answers)) {
      const problem = unreadable(value, 1, new Set([answers]));
      if (problem) {
        const name = field.length > SHOWN ? `"${field.slice(0, SHOWN)}..." (cut)` : field;
        throw invalid(`${name}: ${problem}`, field);
      }
    }
    return JSON.stringify(answers);
  }

  // What keeps a value from being JSON, in words ("is a BigInt"), or "" if nothing does.
  function unreadable(value, depth, holders) {
    if (typeof value === "bigint") return "is a BigInt, not a JSON number";
    if (typeof value === "function" || typeof value === "symbol") return `is a ${typeof value}, not a JSON value`;
    if (value === null || typeof value !== "object") return "";
    if (holders.has(value)) return "contains itself";
    if (depth >= DEEPEST) return "is nested too deeply";
    holders.add(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      const problem = unreadable(item, depth + 1, holders);
      if (problem) return problem;
    }
    holders.delete(value);
    return "";
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

  function kindsOf(form) {
    return JSON.parse(form.dataset.kinds); // the question kinds, named by checker/
  }

  function visibleQuestions(container) {
    return [...container.querySelectorAll("[data-field]")].filter((question) => !question.hidden);
  }

  function collectAnswers(form) {
    const kinds = kindsOf(form);
    const answers = {};
    for (const question of visibleQuestions(form)) {
      const name = question.dataset.field;
      const inputs = [...question.querySelectorAll(`[name="${name}"]`)];
      const checked = inputs.filter((input) => input.checked);
      switch (question.dataset.kind) {
        case kinds.boolean:
          // A box in a list (the danger signs), or Yes / No (/ Not sure: sends nothing).
          if (isBox(question)) answers[name] = inputs[0].checked;
          else if (checked.length && ["true", "false"].includes(checked[0].value)) answers[name] = checked[0].value === "true";
          break;
        case kinds.choice:
          if (checked.length) answers[name] = checked[0].value;
          break;
        case kinds.multiChoice:
          answers[name] = checked.map((input) => input.value);
          break;
        case kinds.integer: {
          const value = numberGiven(inputs);
          // Not a whole number? Send it as typed: the engine names the problem.
          if (value !== "") answers[name] = /^-?\d+$/.test(value) ? Number(value) : value;
          break;
        }
      }
    }
    return answers;
  }

  // A number is typed in a box, typed in parts (a box per unit), or chosen on a scale
  // of buttons; as text, "" if not given.
  function numberGiven(inputs) {
    if (isParts(inputs)) return partsTotal(inputs);
    if (inputs.length === 1) return inputs[0].value.trim();
    const chosen = inputs.find((input) => input.checked);
    return chosen ? chosen.value : "";
  }

  // --- A number typed in parts: one box per part, largest first, each saying its size
  // in the answer's own unit (data-size) and its names (data-one, data-many), all from
  // the question's parts in checker/questions.py, none written here. An empty box
  // counts 0; all empty is no answer.

  function isParts(inputs) {
    return inputs.length > 0 && inputs.every((input) => input.dataset.size);
  }

  function partsTotal(boxes) {
    const typed = boxes.map((box) => box.value.trim());
    if (typed.every((value) => value === "")) return "";
    if (!typed.every((value) => value === "" || /^\d+$/.test(value))) return typed.join(" ");
    return String(boxes.reduce((total, box, index) => total + Number(typed[index]) * Number(box.dataset.size), 0));
  }

  // The word for a count, by the language's plural rules: "1 час", "2 часа", "5 часов"
  // (a part's forms by Intl.PluralRules category, checker/questions.py's Part.to_dict).
  function pluralOf(part, count) {
    const forms = typeof part.forms === "string" ? JSON.parse(part.forms) : part.forms;
    return forms[new Intl.PluralRules(document.documentElement.lang || "en").select(count)] || forms.other;
  }

  // The number in words by its parts, as Question.in_parts (checker/questions.py) says
  // it: "<count> <one or many>" for each part that is not 0, largest first, joined by
  // "and"; "0 <many>" of the last part when all are 0.
  function inParts(total, boxes) {
    let rest = total;
    const words = [];
    for (const box of boxes) {
      const size = Number(box.dataset.size);
      const count = Math.floor(rest / size);
      rest %= size;
      if (count) words.push(`${count} ${pluralOf(box.dataset, count)}`);
    }
    if (!words.length) return `0 ${pluralOf(boxes[boxes.length - 1].dataset, 0)}`;
    return words.reduce((first, second) => say("and", { first, second }));
  }

  // The first box whose text is not a whole number within its limits, or null. The
  // limits are the box's own (min, max), as the build drew them.
  function wrongPart(boxes) {
    return boxes.find((box) => {
      const value = box.value.trim();
      if (value === "") return box.validity.badInput; // typed, but not a number
      return !/^\d+$/.test(value)
        || (box.min !== "" && Number(value) < Number(box.min))
        || (box.max !== "" && Number(value) > Number(box.max));
    }) || null;
  }

  function boxName(box) {
    return box.labels[0].textContent.trim();
  }

  // What is wrong with a number typed in parts, or null: the box, and the words.
  function partsProblem(question) {
    const boxes = [...question.querySelectorAll("input[data-size]")];
    const title = questionText(question);
    const wrong = wrongPart(boxes);
    if (wrong) {
      return { question, input: wrong,
               message: say("check_part", { title, box: boxName(wrong), low: wrong.min || 0, high: wrong.max }) };
    }
    if ("required" in question.dataset && partsTotal(boxes) === "") {
      return { question, input: boxes[0], message: say("answer_this", { title }) };
    }
    return null;
  }

  // A yes-or-no question drawn as one box of a list (the danger signs).
  function isBox(question) {
    return question.dataset.widget === "checkbox";
  }

  function questionText(question) {
    return question.querySelector(".checker-question__text").textContent.trim();
  }

  function choiceLabel(input) {
    return input.closest("label").textContent.trim();
  }

  // One answer in words: "Yes", "4 out of 10 (moderate)", "Lower back; Ribs", or a
  // number typed in parts by its parts, with its words (data-answer-words).
  function answerInWords(question, kinds) {
    const inputs = [...question.querySelectorAll("input")];
    const checked = inputs.filter((input) => input.checked);
    const unit = question.dataset.unit;
    switch (question.dataset.kind) {
      case kinds.boolean:
        if (isBox(question)) return inputs[0].checked ? say("yes") : say("no");
        return checked.length ? choiceLabel(checked[0]) : say("not_answered");
      case kinds.integer: {
        const value = numberGiven(inputs);
        if (value === "") return say("not_answered");
        if (isParts(inputs)) {
          const words = /^\d+$/.test(value) ? inParts(Number(value), inputs) : value;
          return (question.dataset.answerWords || "{}").replace("{}", words);
        }
        const band = checked[0] && checked[0].closest("[data-word]");
        return `${value} ${unit}`.trim() + (band ? ` (${band.dataset.word})` : "");
      }
      default:
        return checked.map(choiceLabel).join("; ") || say("none");
    }
  }

  // Every question the reader can see, by step, with its answer in words.
  function describeAnswers(form) {
    const kinds = kindsOf(form);
    return [...form.querySelectorAll(".checker-step:not([data-review])")].map((step) => ({
      title: step.dataset.title,
      answers: visibleQuestions(step).map((question) => ({
        field: question.dataset.field,
        question: questionText(question),
        topic: question.dataset.topic,
        answer: answerInWords(question, kinds),
        matters: matters(question),
      })),
    }));
  }

  // Whether an answer shapes the advice: a Yes, or anything but the question's default
  // (data-default, the spec's default as the form's value), or a number.
  function matters(question) {
    const chosen = [...question.querySelectorAll(`input[name="${question.dataset.field}"]`)]
      .filter((input) => input.checked).map((input) => input.value);
    if (question.dataset.kind === "integer") return true;
    if (isBox(question)) return chosen.length > 0;
    if (question.dataset.widget === "checkboxes") return chosen.length > 0;
    return chosen.length > 0 && chosen[0] !== question.dataset.default && chosen[0] !== "unsure";
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
    // The instruction to call now stays on every step while an answer that alone means
    // an emergency is chosen (data-emergency, from the rule table).
    const alert = form.querySelector("#checker-emergency-alert");
    if (alert) alert.hidden = !emergencyAnswers(form).length;
    showMapAnswers(form);
  }

  // The answers chosen that alone mean an emergency, in questions the reader can see,
  // as "field=value" (as the stop screen's signs are keyed).
  function emergencyAnswers(form) {
    return [...form.querySelectorAll("[data-emergency]:checked")]
      .filter((input) => !input.closest("[data-field]").hidden)
      .map((input) => `${input.name}=${input.value}`);
  }

  // --- The stop: the moment a new emergency answer is given, the questions stop for
  // the instruction, the signs in words and why they matter, and a call button, as
  // NHS 111 online's interruption page. "Continue the questions anyway" goes back to
  // the step; the instruction then stays at the bottom of every step.

  function stopFor(checker) {
    const given = emergencyAnswers(checker.form);
    checker.stopSeen = checker.stopSeen.filter((answer) => given.includes(answer));
    if (!given.some((answer) => !checker.stopSeen.includes(answer))) return;
    const stop = checker.page.querySelector("#checker-stop");
    for (const sign of stop.querySelectorAll("[data-answer]")) sign.hidden = !given.includes(sign.dataset.answer);
    checker.stopped = given;
    stop.hidden = false;
    checker.form.hidden = true;
    bringIntoView(stop.querySelector("h2"));
  }

  function continueAnyway(checker) {
    const stop = checker.page.querySelector("#checker-stop");
    checker.stopSeen = checker.stopped || [];
    stop.hidden = true;
    checker.form.hidden = false;
    showView(checker, checker.view);
  }

  // --- The back map: a second way to tick the pain areas. The checkboxes stay the
  // answer; the map only clicks them, and shows which are ticked.

  function mapCheckbox(area) {
    const question = area.closest("[data-field]");
    return question.querySelector(`input[name="${question.dataset.field}"][value="${area.dataset.value}"]`);
  }

  function bindMap(form) {
    for (const area of form.querySelectorAll(".checker-map__area")) {
      area.addEventListener("click", () => mapCheckbox(area).click());
    }
  }

  function showMapAnswers(form) {
    for (const area of form.querySelectorAll(".checker-map__area")) {
      area.classList.toggle("checker-map__area--chosen", mapCheckbox(area).checked);
    }
  }

  // --- Building elements (text only: nothing from the result becomes HTML).

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  }

  function svgElement(tag, attributes = {}, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  }

  function siteLink(source, text, label) {
    const link = element("a", { href: new URL(source, pagesRoot).href }, text);
    if (label) link.setAttribute("aria-label", label);
    return link;
  }

  // --- The review: every answer in words, each with a way back to its question.

  // The answers that shape the advice (every Yes, every answer but the usual one), by
  // step; the others folded away below them, each still with its "Change".
  function reviewRow(row) {
    return element("div", { class: "checker-review__row" },
      element("dt", {}, row.question),
      element("dd", {}, row.answer),
      element("dd", {}, element("button", {
        type: "button", class: "md-button checker-change", "data-change": row.field,
        "aria-label": say("change_label", { question: row.question }),
      }, say("change"))));
  }

  function renderReview(form) {
    const steps = describeAnswers(form);
    const rest = steps.flatMap((step) => step.answers.filter((row) => !row.matters));
    const allNo = rest.every((row) => row.answer === say("no"));
    form.querySelector("#checker-review").replaceChildren(
      ...steps.filter((step) => step.answers.some((row) => row.matters)).flatMap((step) => [
        element("h3", {}, step.title),
        element("dl", { class: "checker-review" }, ...step.answers.filter((row) => row.matters).map(reviewRow)),
      ]),
      ...(rest.length ? [element("details", { class: "checker-review__rest" },
        element("summary", {}, allNo ? say("said_no", { count: rest.length })
                                     : say("other_answers", { count: rest.length })),
        element("dl", { class: "checker-review" }, ...rest.map(reviewRow)))] : []));
  }

  // --- The usual course of soreness, as a small chart with the reader's point.

  const CHART = { width: 320, height: 184, left: 30, right: 14, top: 14, bottom: 40 };

  function courseScales(course) {
    const plotWidth = CHART.width - CHART.left - CHART.right;
    const plotHeight = CHART.height - CHART.top - CHART.bottom;
    return {
      x: (hours) => CHART.left + Math.min(hours, course.hours_shown) / course.hours_shown * plotWidth,
      y: (pain) => CHART.top + plotHeight - pain / course.pain_max * plotHeight,
    };
  }

  function courseAxes(course, { x, y }) {
    const parts = [svgElement("line", { class: "checker-course__axis", x1: x(0), y1: y(0), x2: x(course.hours_shown), y2: y(0) })];
    const { tick } = course; // the largest part of the time's unit, and its names
    for (let hours = 0; hours <= course.hours_shown; hours += tick.size) {
      const count = hours / tick.size;
      const label = count === 0 ? "0" : `${count} ${pluralOf(tick, count)}`;
      parts.push(svgElement("line", { class: "checker-course__tick", x1: x(hours), y1: y(0), x2: x(hours), y2: y(0) + 4 }),
                 svgElement("text", { x: x(hours), y: y(0) + 16, "text-anchor": hours ? "middle" : "start" }, label));
    }
    for (const pain of [0, course.pain_max / 2, course.pain_max]) {
      parts.push(svgElement("text", { x: CHART.left - 6, y: y(pain) + 4, "text-anchor": "end" }, String(pain)));
    }
    parts.push(svgElement("text", { x: x(0) + 4, y: CHART.top + 4, class: "checker-course__caption" }, say("chart_pain")),
               svgElement("text", { x: x(course.hours_shown), y: CHART.height - 4, "text-anchor": "end", class: "checker-course__caption" },
                          say("chart_time")));
    return parts;
  }

  function courseCurve(course, { x, y }) {
    const points = course.points.map(([hours, share]) => `${x(hours)},${y(share * course.worst_severity)}`);
    const last = course.points[course.points.length - 1][0];
    return [
      svgElement("path", { class: "checker-course__usual", d: `M${x(0)},${y(0)} L${points.join(" L")} L${x(last)},${y(0)} Z` }),
      svgElement("polyline", { class: "checker-course__line", points: points.join(" ") }),
    ];
  }

  function coursePoint(course, hours, pain, { x, y }) {
    const cx = x(hours);
    const nearRight = cx > CHART.width - CHART.right - 40;
    return [
      svgElement("circle", { class: "checker-course__you", cx, cy: y(pain), r: 6, "data-hours": hours, "data-pain": pain }),
      svgElement("text", { class: "checker-course__you-label", x: nearRight ? cx - 10 : cx + 10, y: y(pain) + 4,
                           "text-anchor": nearRight ? "end" : "start" },
                 hours > course.hours_shown ? say("chart_you_later") : say("chart_you")),
    ];
  }

  // The chart of the usual course (its curve from the form's data-course), with the
  // reader's point and the words for it as the result gives them (result.course).
  function courseSection(form, result) {
    const you = result.course;
    if (!you) return [];
    const course = JSON.parse(form.dataset.course);
    const scales = courseScales(course);
    const chart = svgElement("svg", {
      class: "checker-course__chart", viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: "img",
      "aria-label": say("chart_label"),
      "aria-describedby": "checker-course-text",
    }, ...courseAxes(course, scales), ...courseCurve(course, scales), ...coursePoint(course, you.hours, you.pain, scales));
    return [folded("course", say("course_title"),
      element("figure", { class: "checker-course" }, chart,
        element("figcaption", { id: "checker-course-text" },
          element("p", {}, you.summary),
          element("p", {}, `${you.text} `, siteLink(you.source, say("course_more"))))))];
  }

  // --- Showing the result.

  // A part of the result: a heading and what follows it, named so that the
  // printout (site.css) can keep to what a doctor needs, on one page.
  function part(name, title, ...children) {
    return element("div", { class: `checker-part checker-part--${name}` }, element("h3", {}, title), ...children);
  }

  function listSection(name, title, items, render) {
    if (!items || !items.length) return [];
    return [part(name, title, element("ul", {}, ...items.map((item) => element("li", {}, ...render(item)))))];
  }

  // Safety-netting: a line on its own, or an opening line and the signs it lists.
  function safetyNetLines(lines) {
    return lines.map((line) => line.signs.length
      ? element("div", { class: "checker-net" }, element("p", { class: "checker-net__opening" }, line.text),
                element("ul", {}, ...line.signs.map((sign) => element("li", {}, sign))))
      : element("p", {}, line.text));
  }

  // A part folded away: its summary says what is in it.
  function folded(name, title, ...children) {
    return element("details", { class: `checker-part checker-part--${name}` }, element("summary", {}, title), ...children);
  }

  // For the printout: where it was made, when, by which site and policy.
  function printHeading(result) {
    const made = new Date().toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" });
    return element("div", { class: "checker-print-only checker-print-heading" },
      element("p", {}, element("strong", {}, document.title), ` \u2013 ${siteRoot.href}`),
      element("p", {}, say("printed", { date: made, policy: result.policy })));
  }

  // When the massage was, as a date: now, less the hours the reader gave.
  function massageDate(answers) {
    const hours = answers.hours_since_massage;
    if (typeof hours !== "number") return null;
    return new Date(Date.now() - hours * 3600 * 1000).toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" });
  }

  // Every answer in words, the ones that shape the advice first and marked, each on its
  // line; then the others in one paragraph each: the topics answered no (without their
  // explanation in brackets, which is for the reader), then the other usual answers.
  function answersSummary(form, answers) {
    const rows = describeAnswers(form).flatMap((step) => step.answers);
    const row = (each, index, all) => element("div", { class: "checker-summary__positive" },
      element("dt", {}, `\u25B6 ${upperFirst(each.topic)}:`), " ",
      element("dd", {}, index < all.length - 1 ? `${each.answer}; ` : each.answer));
    const rest = rows.filter((each) => !each.matters);
    const noes = rest.filter((each) => each.answer === say("no")).map((each) => each.topic.replace(/ \(.*\)$/, ""));
    const usual = rest.filter((each) => each.answer !== say("no")).map((each) => `${each.topic}: ${each.answer}`);
    const when = massageDate(answers);
    return element("div", { class: "checker-print-only checker-summary" },
      element("h3", {}, say("answers")),
      element("p", {}, ...(when ? [element("strong", {}, say("massage_when", { date: when })), " "] : []),
              say("shapes")),
      element("dl", { class: "checker-summary__positives" }, ...rows.filter((each) => each.matters).map(row)),
      element("p", { class: "checker-summary__rest" }, [
        noes.length ? say("answered_no", { topics: noes.join("; ") }) : "",
        usual.length ? say("other", { answers: usual.join("; ") }) : ""].filter(Boolean).join(" ")));
  }

  function upperFirst(text) {
    return text ? text[0].toUpperCase() + text.slice(1) : text;
  }

  // The result as the engine gives it, drawn: the headline and the instruction (with
  // its call buttons), why, the few points that fit the answers, what to do now; the
  // full lists folded away. Nothing here is worked out: it is all in the result.
  function renderResult(box, result, form, answers) {
    const calls = ["emergency", "urgent"].includes(result.level)
      ? [element("p", { class: "checker-call" }, element("span", { class: "call-now", "data-call": result.level }))] : [];
    const net = result.safety_net || [];
    const signCount = net.reduce((count, line) => count + line.signs.length, 0);
    box.replaceChildren(
      printHeading(result),
      element("div", { class: "checker-headline" },
        element("h2", { id: "checker-headline" }, result.headline),
        element("p", {}, result.action),
        ...calls,
        element("p", { class: "checker-pause" }, result.massage)),
      ...listSection("reasons", say("why"), result.reasons, (reason) =>
        [reason.text + " ", siteLink(reason.source, say("read_more"), say("read_more_label", { text: reason.text }))]),
      ...listSection("sooner", say("sooner"), result.get_help_sooner, (text) => [text]),
      ...listSection("advice", say("advice"), result.advice, (text) => [text]),
      element("p", { class: "checker-folded-note" }, say("folded")),
      ...courseSection(form, result),
      ...(net.length ? [folded("safety-net", signCount ? say("all_signs", { count: signCount }) : say("watch_for"),
                               ...safetyNetLines(net))] : []),
      ...(result.likely_causes && result.likely_causes.length ? [folded("causes", say("causes"),
        element("ul", {}, ...result.likely_causes.map((cause) =>
          element("li", {}, siteLink(cause.source, cause.title), ": " + cause.text))))] : []),
      answersSummary(form, answers),
      element("div", { class: "checker-actions" },
        element("button", { type: "button", class: "md-button md-button--primary", "data-action": "print" },
          say("print")),
        element("button", { type: "button", class: "md-button", "data-action": "change" }, say("change_answers")),
        element("button", { type: "button", class: "md-button", "data-action": "restart" }, say("start_again"))),
    );
    if (window.callNow) window.callNow.fill(box);
    box.dataset.level = result.level;
  }

  function clearResult(box) {
    box.replaceChildren();
    delete box.dataset.level;
  }

  function showStatus(page, text) {
    const status = page.querySelector("#checker-status");
    status.textContent = text;
    status.hidden = !text;
  }

  // The warning signs instead of the form, with why: the engine did not "start", or
  // started and did not "answer".
  function showFallback(page, why = "start") {
    const fallback = page.querySelector("#checker-fallback");
    for (const words of fallback.querySelectorAll("[data-when]")) words.hidden = words.dataset.when !== why;
    fallback.hidden = false;
    page.querySelector("#checker-form").hidden = true;
    showStatus(page, "");
  }

  // --- Steps. Each section is a step, then the review, then the result. Each step
  // the reader moves to is a history entry whose address ends in #step-N (#result
  // for the result), so the browser's Back button goes back a step. The fragment,
  // not history.state, says which: Material rewrites the state of the current
  // entry with the scroll position as the reader scrolls. Nothing but the step
  // number goes into the address; the answers stay in the page.

  const RESULT = "result";

  function stepCount(form) {
    return form.querySelectorAll(".checker-step").length;
  }

  // The view an address fragment stands for; null for a fragment that is not ours.
  function viewOf(hash, count) {
    if (hash === "" || hash === "#") return 1;
    if (hash === `#${RESULT}`) return RESULT;
    const match = /^#step-([0-9]+)$/.exec(hash);
    const step = match ? Number(match[1]) : 0;
    return step >= 1 && step <= count ? step : null;
  }

  function addressOf(view) {
    const url = new URL(location.href);
    url.hash = view === 1 ? "" : view === RESULT ? RESULT : `step-${view}`;
    return url.href;
  }

  function stepElement(form, view) {
    return form.querySelector(`.checker-step[data-step="${view}"]`);
  }

  function bringIntoView(target) {
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function showNavigation(checker) {
    const { form, view, returnToReview } = checker;
    const last = view === stepCount(form);
    const show = { next: !last && !returnToReview, review: !last && returnToReview, check: last,
                   back: view > 1 && !returnToReview };
    for (const [action, shown] of Object.entries(show)) {
      form.querySelector(`.checker-nav [data-action="${action}"]`).hidden = !shown;
    }
  }

  // Show one step (or the result) without touching the history.
  function showView(checker, wanted, { focus = true } = {}) {
    const { page, form, box } = checker;
    const view = wanted === RESULT && !box.dataset.level ? stepCount(form) : wanted;
    checker.view = view;
    hideProblem(form);
    page.querySelector("#checker-stop").hidden = true;
    form.hidden = view === RESULT || !page.querySelector("#checker-fallback").hidden;
    box.hidden = view !== RESULT;
    if (view !== RESULT) {
      for (const step of form.querySelectorAll(".checker-step")) step.hidden = Number(step.dataset.step) !== view;
      if (view === stepCount(form)) renderReview(form);
      showNavigation(checker);
    }
    if (focus) bringIntoView(view === RESULT ? box : stepElement(form, view).querySelector(".checker-step__title"));
  }

  // Move to a step (or the result) as a new history entry. The entry left behind
  // is first made to say which step it showed: Material's section tracking, left
  // over from a page seen before, can write one of that page's anchors into it.
  function goTo(checker, view, options) {
    if (view !== checker.view) {
      history.replaceState(history.state, "", addressOf(checker.view));
      history.pushState(null, "", addressOf(view));
    }
    showView(checker, view, options);
  }

  // --- Problems: a missing or wrong answer takes the reader to its step and question.

  function hideProblem(form) {
    form.querySelector("#checker-problem").hidden = true;
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  }

  function showProblem(checker, question, message, wrongInput = null) {
    const { form } = checker;
    const problem = form.querySelector("#checker-problem");
    const input = question && (wrongInput || question.querySelector("input:invalid") || question.querySelector("input"));
    if (question) {
      const step = Number(question.closest(".checker-step").dataset.step);
      if (step !== checker.view) goTo(checker, step, { focus: false });
      question.prepend(problem);
    } else {
      form.querySelector(".checker-nav").before(problem);
    }
    problem.textContent = message;
    problem.hidden = false;
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  }

  // The first answer the browser finds wrong (missing, out of range), from the
  // limits the form was built with.
  function firstInvalid(container) {
    // In page order: each question, and each list of boxes (the danger signs, how the
    // pain behaves, other symptoms), answered by a box or by its own "None of these".
    for (const question of [...container.querySelectorAll("[data-field], [data-none-for]")]) {
      if (question.hidden) continue;
      if (question.dataset.noneFor) {
        const none = question.querySelector("[data-none-of-section]");
        const boxes = [...question.closest(".checker-step").querySelectorAll("[data-widget='checkbox']")]
          .filter((box) => !box.hidden).map((box) => box.querySelector("input"));
        if (!none.checked && !boxes.some((box) => box.checked)) {
          return { question, input: boxes[0] || none,
                   message: say("tick_each", { none: choiceLabel(none) }) };
        }
        continue;
      }
      if (question.querySelector("input[data-size]")) {
        const problem = partsProblem(question);
        if (problem) return problem;
        continue;
      }
      const input = [...question.querySelectorAll("input")].find((each) => !each.validity.valid);
      if (input) {
        const title = questionText(question);
        // The site's own words, never the browser's.
        return { question, input, message: input.validity.valueMissing
          ? say("answer_this", { title })
          : say("check_number", { title }) };
      }
      // A list with a "None of these" box: a choice or that box.
      const none = question.querySelector("[data-none-of]");
      if (none && !question.querySelector("input:checked")) {
        return { question, input: question.querySelector("input"),
                 message: say("answer_list", { title: questionText(question), none: choiceLabel(none) }) };
      }
    }
    return null;
  }

  // A "None of these" box and the boxes it answers for: ticking one clears the other.
  function noneBoxes(form, changed) {
    if (!changed || changed.type !== "checkbox" || !changed.checked) return;
    const section = changed.dataset.noneOfSection;
    const list = changed.dataset.noneOf;
    if (section) {
      for (const box of changed.closest(".checker-step").querySelectorAll("[data-widget='checkbox'] input")) box.checked = false;
    } else if (list) {
      for (const box of form.querySelectorAll(`input[name="${list}"]`)) box.checked = false;
    } else {
      const question = changed.closest("[data-field]");
      if (!question) return;
      if (isBox(question)) {
        const none = changed.closest(".checker-step").querySelector("[data-none-of-section]");
        if (none) none.checked = false;
      }
      const own = question.querySelector("[data-none-of]");
      if (own) own.checked = false;
    }
  }

  // An answer the engine refused: say which question, in the engine's words, and go there.
  function showEngineProblem(checker, error) {
    const question = error.field
      ? checker.form.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
    const message = question ? say("check_answer", { title: questionText(question), problem: error.message }) : error.message;
    showProblem(checker, question, message);
  }

  // --- The reader's moves.

  function next(checker) {
    const invalid = firstInvalid(stepElement(checker.form, checker.view));
    if (invalid) return showProblem(checker, invalid.question, invalid.message, invalid.input);
    const view = checker.returnToReview ? stepCount(checker.form) : checker.view + 1;
    checker.returnToReview = false;
    goTo(checker, view);
  }

  // Whether the answers on the page are still those sent. On a phone's first visit the
  // engine takes half a minute to start: meanwhile the reader may go back and tick a
  // danger sign, and a reply for the answers before it must not be shown as theirs.
  // If the answers now on the page have been sent since, their reply is on its way:
  // say nothing; otherwise ask for a new check.
  function stillAsked(checker, sent) {
    const now = JSON.stringify(collectAnswers(checker.form));
    if (now === sent) return true;
    if (now !== checker.asked) {
      showStatus(checker.page, say("changed_meanwhile"));
    }
    return false;
  }

  async function check(checker) {
    const { page, form, box, engine } = checker;
    const invalid = firstInvalid(form);
    if (invalid) return showProblem(checker, invalid.question, invalid.message, invalid.input);
    const answers = collectAnswers(form);
    const sent = JSON.stringify(answers);
    checker.asked = sent;
    const loading = setTimeout(() => showStatus(page, say("still_loading")), 150);
    try {
      const result = await engine.assess(answers);
      clearTimeout(loading);
      if (!stillAsked(checker, sent)) return;
      showStatus(page, "");
      renderResult(box, result, form, answers);
      goTo(checker, RESULT);
    } catch (error) {
      clearTimeout(loading);
      if (!error.invalidAnswers) return showFallback(page, error.noReply ? "answer" : "start");
      if (stillAsked(checker, sent)) showEngineProblem(checker, error);
    }
  }

  function change(checker, field) {
    const question = checker.form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    checker.returnToReview = true;
    goTo(checker, Number(question.closest(".checker-step").dataset.step), { focus: false });
    question.scrollIntoView({ block: "start" });
    (question.querySelector("input:checked") || question.querySelector("input")).focus({ preventScroll: true });
  }

  function startAgain(checker) {
    checker.form.reset();
    checker.stopSeen = [];
    checker.page.querySelector("#checker-stop").hidden = true;
    clearResult(checker.box);
    updateVisibility(checker.form);
    checker.returnToReview = false;
    goTo(checker, 1);
  }

  // The engine is ready after the page showed the warning signs for a slow start:
  // the questions (or the result) come back where the reader left them.
  function showForm(checker) {
    const fallback = checker.page.querySelector("#checker-fallback");
    if (fallback.hidden || fallback.querySelector("[data-when='slow']").hidden) return;
    fallback.hidden = true;
    checker.form.hidden = checker.view === RESULT;
  }

  // The address without the marker of a reload for the engine's build (reloadForBuild).
  function forgetReload() {
    const url = new URL(location.href);
    if (!url.searchParams.has(RELOADED)) return;
    url.searchParams.delete(RELOADED);
    history.replaceState(history.state, "", url.href);
  }

  // --- Wiring one rendering of the checker page (again after instant navigation).

  let current = null; // the checker on the page now

  function bind(page) {
    const form = page.querySelector("#checker-form");
    const box = page.querySelector("#checker-result");
    TEXTS = JSON.parse(form.dataset.texts);
    pagesRoot = new URL(form.dataset.pages, location.href);
    forgetReload();
    const engine = startEngine(form);
    // asked: the answers last sent to the engine, as JSON.
    // stopSeen: the emergency answers whose stop the reader has seen and continued past.
    const checker = { page, form, box, engine, view: 1, returnToReview: false, pathname: location.pathname,
                      asked: null, stopSeen: [], stopped: null };
    current = checker;
    engine.ready.then(() => showForm(checker), () => showFallback(page));
    // Past the time limit, the warning signs; the questions come back once it is ready.
    engine.slow.then((waiting) => { if (waiting) showFallback(page, "slow"); });

    // A fresh page starts at the first step: any answers of an earlier visit are gone.
    const arrivedAt = viewOf(location.hash, stepCount(form));
    if (arrivedAt !== null && arrivedAt !== 1) history.replaceState(history.state, "", addressOf(1));
    bindMap(form);
    updateVisibility(form); // the page is drawn as the first step shows

    form.addEventListener("change", (event) => {
      noneBoxes(form, event.target);
      updateVisibility(form);
      hideProblem(form);
      if (box.dataset.level) clearResult(box); // a result for other answers
      stopFor(checker);
    });
    // A number box fires "change" only when it loses focus, which is the reader's next
    // tap: the problem above it would vanish under that finger and move the answer
    // away. Typing puts the problem away at once instead.
    form.addEventListener("input", () => hideProblem(form));
    page.querySelector("#checker-stop").addEventListener("click", (event) => {
      if (event.target.closest("[data-action='continue']")) continueAnyway(checker);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (checker.view === RESULT || checker.view === stepCount(form)) check(checker);
      else next(checker);
    });
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action='back'], [data-change]");
      if (!button) return;
      if (button.dataset.change) change(checker, button.dataset.change);
      else history.back(); // every step after the first is an entry this page made
    });
    box.addEventListener("click", (event) => {
      const action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.dataset.action === "print") window.print();
      if (action.dataset.action === "change") goTo(checker, stepCount(form));
      if (action.dataset.action === "restart") startAgain(checker);
    });
  }

  // The browser's Back and Forward buttons between the checker's own steps. This
  // script runs before Material's bundle (docs/overrides/main.html), so this
  // listener comes before instant navigation's and keeps the event from it:
  // Material takes the first change of history entry on a freshly loaded page
  // for a change of page and loads the page again, which would lose the answers.
  window.addEventListener("popstate", (event) => {
    if (!current || !current.page.isConnected || location.pathname !== current.pathname) return;
    const view = viewOf(location.hash, stepCount(current.form));
    if (view === null) return; // an anchor in the page: Material's to handle
    event.stopImmediatePropagation();
    current.returnToReview = false;
    showView(current, view);
  });

  // --- Nothing lost by one tap: leaving the checker with answers given and no result
  // yet asks first, whether the page is closed or reloaded (beforeunload) or a link
  // leaves it by instant navigation (a click, heard before Material's). The answers
  // are still never stored.

  function midway() {
    if (!current || !current.page.isConnected || current.box.dataset.level) return false;
    const form = current.form;
    return [...form.querySelectorAll("input")].some((input) =>
      (input.type === "checkbox" || input.type === "radio") ? input.checked : input.value.trim() !== "");
  }

  window.addEventListener("beforeunload", (event) => {
    if (!midway()) return;
    event.preventDefault();
    event.returnValue = "";
  });

  window.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || !midway() || event.defaultPrevented) return;
    const url = new URL(link.href, location.href);
    if (!/^https?:$/.test(url.protocol)) return; // a call button, say
    if (url.pathname === location.pathname && url.search === location.search) return; // in the page
    if (!window.confirm(say("leave"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Material's instant navigation swaps pages without reloading scripts: bind each
  // checker page it shows. Its bundle has run by the time the document has loaded.
  function onPage() {
    const page = document.querySelector("#checker-page");
    if (page && !page.dataset.bound) {
      page.dataset.bound = "true";
      bind(page);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (window.document$) window.document$.subscribe(onPage);
    else onPage();
  });
})();
