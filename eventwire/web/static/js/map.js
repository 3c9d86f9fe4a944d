// The event map: country outlines (GeoJSON served by the app, shipped with the package) in
// an equirectangular projection, and a marker per location sized by its number of events.
// A click on a marker opens a popup listing its events, each linking to its article.
// Drag to pan, the wheel or the +/- buttons to zoom.
"use strict";

(function (ew) {
  const WIDTH = 960, NORTH = 84, SOUTH = -60, HEIGHT = (WIDTH * (NORTH - SOUTH)) / 360;  // equal degrees both ways
  const POPUP_EVENTS = 50;
  const x = (lon) => ((lon + 180) / 360) * WIDTH;
  const y = (lat) => ((NORTH - lat) / (NORTH - SOUTH)) * HEIGHT;

  function ringPath(ring) {
    return ring.map(([lon, lat], i) => `${i ? "L" : "M"}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("") + "Z";
  }

  function drawOutlines(layer, collection) {
    for (const feature of collection.features) {
      const d = feature.geometry.coordinates.map((polygon) => polygon.map(ringPath).join("")).join("");
      ew.tooltip(ew.svg("path", { d, class: "country", "data-iso": feature.id || "" }, layer), feature.properties.name || "");
    }
  }

  /** Events grouped by their point, biggest group first (drawn first, so small ones stay clickable). */
  function groups(points) {
    const byPlace = new Map();
    for (const point of points) {
      if (typeof point.lat !== "number" || typeof point.lon !== "number") continue;
      const key = `${point.lat.toFixed(2)},${point.lon.toFixed(2)}`;
      if (!byPlace.has(key)) byPlace.set(key, { lat: point.lat, lon: point.lon, name: point.name, events: [] });
      byPlace.get(key).events.push(point);
    }
    return [...byPlace.values()].sort((a, b) => b.events.length - a.events.length);
  }

  function popup(figure, group) {
    let box = figure.querySelector(".popup");
    if (!box) {
      box = document.createElement("div");
      box.className = "popup";
      figure.appendChild(box);
    }
    box.replaceChildren();
    const close = document.createElement("button");
    close.type = "button"; close.className = "close"; close.textContent = "×"; close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => box.remove());
    const heading = document.createElement("h3");
    heading.textContent = `${group.name || "?"} · ${group.events.length} event${group.events.length === 1 ? "" : "s"}`;
    const list = document.createElement("ul");
    for (const event of group.events.slice(0, POPUP_EVENTS)) {
      const item = document.createElement("li"), link = document.createElement("a");
      link.href = `/articles/${encodeURIComponent(event.article_id)}#event-${encodeURIComponent(event.event_id)}`;
      link.textContent = `${event.date || "undated"} ${event.source || "?"} → ${event.target || "?"} CAMEO ${event.code} (${event.reason})`;
      item.appendChild(link);
      list.appendChild(item);
    }
    box.append(close, heading, list);
    if (group.events.length > POPUP_EVENTS) {
      const more = document.createElement("p");
      more.className = "note";
      more.textContent = `and ${group.events.length - POPUP_EVENTS} more: filter the map or the events table by place to see them all.`;
      box.appendChild(more);
    }
  }

  ew.register("map", function (figure, data) {
    const root = ew.svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Event locations", class: "plot world" }, figure);
    ew.svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }, root);
    const land = ew.svg("g", { class: "outlines" }, root);
    const markers = ew.svg("g", { class: "markers" }, root);
    const placed = groups(data.points);
    const most = Math.max(1, ...placed.map((g) => g.events.length));
    for (const group of placed) {
      const marker = ew.svg("circle", {
        cx: x(group.lon), cy: y(group.lat), r: 3 + 9 * Math.sqrt(group.events.length / most), class: "marker", tabindex: 0,
      }, markers);
      ew.tooltip(marker, `${group.name || "?"}: ${group.events.length} events`);
      const open = () => popup(figure, group);
      marker.addEventListener("click", open);
      marker.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
    }
    figure.dataset.drawn = String(placed.length);
    if (!placed.length) ew.empty(figure, "No located events match.");
    fetch(figure.dataset.outlines)
      .then((response) => { if (!response.ok) throw new Error(`outlines: HTTP ${response.status}`); return response.json(); })
      .then((collection) => { drawOutlines(land, collection); figure.dataset.outlines = "drawn"; })
      .catch((error) => { console.warn(error); figure.dataset.outlines = "failed"; });

    // Pan and zoom by moving the viewBox.
    let view = { x: 0, y: 0, w: WIDTH, h: HEIGHT }, drag = null;
    const apply = () => root.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const zoom = (factor) => {
      const w = Math.min(WIDTH, Math.max(WIDTH / 32, view.w * factor)), h = (w * HEIGHT) / WIDTH;
      view = { x: view.x + (view.w - w) / 2, y: view.y + (view.h - h) / 2, w, h };
      apply();
    };
    root.addEventListener("wheel", (event) => { event.preventDefault(); zoom(event.deltaY > 0 ? 1.25 : 0.8); }, { passive: false });
    root.addEventListener("pointerdown", (event) => {
      if (event.target.classList.contains("marker")) return;
      drag = { x: event.clientX, y: event.clientY, view };
      root.setPointerCapture(event.pointerId);  // a release outside the map still ends the drag
    });
    root.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const perPixel = view.w / root.getBoundingClientRect().width;
      view = { ...drag.view, x: drag.view.x - (event.clientX - drag.x) * perPixel, y: drag.view.y - (event.clientY - drag.y) * perPixel };
      apply();
    });
    const release = () => { drag = null; };
    root.addEventListener("pointerup", release);
    root.addEventListener("pointercancel", release);
    const controls = document.createElement("div");
    controls.className = "zoom";
    for (const [label, factor] of [["+", 0.5], ["−", 2]]) {
      const button = document.createElement("button");
      button.type = "button"; button.textContent = label; button.setAttribute("aria-label", factor < 1 ? "Zoom in" : "Zoom out");
      button.addEventListener("click", () => zoom(factor));
      controls.appendChild(button);
    }
    figure.appendChild(controls);
  });
})(window.eventwire);
