// The call buttons beside every instruction to call (build_scripts/call_buttons.py
// draws them for the default place). Here, on the device, the reader's place is
// guessed from the browser's time zone, then its languages: no request is made,
// nothing is kept. The table of numbers comes from checker/emergency_numbers.py,
// as this script's data-table. window.callNow.fill(root) draws the buttons of
// every [data-call] element in root; the checker uses it for its result.
(function () {
  "use strict";

  const table = JSON.parse(document.currentScript.dataset.table);

  function zoneOf() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  // The time zone first (where the device is), then the first language with a region
  // the table knows, else the default: as place_for in checker/emergency_numbers.py.
  function guessPlace() {
    const zone = zoneOf();
    for (const place of table.places) {
      if (place.zones.some((known) => zone === known || (known.endsWith("/") && zone.startsWith(known)))) return place;
    }
    for (const language of navigator.languages || [navigator.language || ""]) {
      const region = language.replace("_", "-").split("-").slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
      const place = region && table.places.find((each) => each.regions.includes(region.toUpperCase()));
      if (place) return place;
    }
    return table.places.find((place) => place.id === table.default);
  }

  // The emergency numbers other than the place's first, each with who uses it.
  function others(place) {
    const users = new Map();
    for (const each of [place, ...table.places]) {
      for (const line of each.emergency) {
        const name = line.name === "emergency" ? each.name : `${line.name}, ${each.name}`;
        if (!users.has(line.number)) users.set(line.number, []);
        if (!users.get(line.number).includes(name)) users.get(line.number).push(name);
      }
    }
    const first = place.emergency[0].number;
    return [...users].filter(([number]) => number !== first).map(([number, names]) => [number, names.join(", ")]);
  }

  function link(number, text, className) {
    const anchor = document.createElement("a");
    anchor.href = `tel:${number}`;
    anchor.textContent = text;
    if (className) anchor.className = className;
    return anchor;
  }

  function draw(box, place) {
    const level = box.dataset.call;
    const lines = level === "emergency" ? place.emergency : place.urgent;
    box.replaceChildren();
    box.dataset.place = place.id;
    box.hidden = !lines.length;
    if (!lines.length) return;
    const [first] = lines;
    const label = table.words.call.replace("{number}", first.number)
      + (first.name === "emergency" ? "" : ` (${first.name})`);
    box.append(link(first.number, label, "md-button md-button--primary call-now__button"));
    if (level !== "emergency") return;
    const small = document.createElement("span");
    small.className = "call-now__others";
    small.append(`${table.words.others} `);
    others(place).forEach(([number, names], index) => {
      if (index) small.append(", ");
      small.append(link(number, number), ` (${names})`);
    });
    small.append(".");
    box.append(small);
  }

  function fill(root) {
    const place = guessPlace();
    for (const box of root.querySelectorAll("[data-call]")) draw(box, place);
  }

  window.callNow = { fill, guessPlace };
  const onPage = () => fill(document);
  document.addEventListener("DOMContentLoaded", () => {
    if (window.document$) window.document$.subscribe(onPage);
    else onPage();
  });
})();
