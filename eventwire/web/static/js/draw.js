// eventwire's drawing helpers: SVG elements, linear scales, axis ticks and the page's data.
// Written for the dashboard (no library): every page draws from the JSON island the server
// wrote into it (<script type="application/json" id="page-data">), never from markup.
"use strict";

window.eventwire = (function () {
  const SVG = "http://www.w3.org/2000/svg";

  /** An SVG element with attributes, appended to parent when one is given. */
  function svg(name, attributes, parent) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, value);
    if (parent) parent.appendChild(element);
    return element;
  }

  /** A native tooltip: an SVG <title> child holding text (set as text, never as markup). */
  function tooltip(element, text) {
    svg("title", {}, element).textContent = text;
    return element;
  }

  /** A linear map from [d0, d1] to [r0, r1]; a flat domain maps to the range's middle. */
  function scale(d0, d1, r0, r1) {
    const span = d1 - d0;
    return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  }

  /** About `count` round tick values covering [low, high]. */
  function ticks(low, high, count) {
    if (high <= low) return [low];
    const raw = (high - low) / count;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
    const values = [];
    for (let v = Math.ceil(low / step) * step; v <= high + step / 1e6; v += step) values.push(Number(v.toFixed(10)));
    return values;
  }

  /** Every month from first to last inclusive, as YYYY-MM strings. */
  function months(first, last) {
    const out = [];
    let [year, month] = first.split("-").map(Number);
    const [endYear, endMonth] = last.split("-").map(Number);
    while (year < endYear || (year === endYear && month <= endMonth)) {
      out.push(`${year}-${String(month).padStart(2, "0")}`);
      month += 1;
      if (month > 12) { month = 1; year += 1; }
    }
    return out;
  }

  /** The data the server wrote into the page, or null. */
  function pageData() {
    const island = document.getElementById("page-data");
    return island ? JSON.parse(island.textContent) : null;
  }

  /** An empty-state line inside a chart's figure. */
  function empty(figure, text) {
    const note = document.createElement("p");
    note.className = "empty";
    note.textContent = text;
    figure.appendChild(note);
    figure.dataset.drawn = "0";
  }

  /** A y axis with grid lines and labels, at x = left, for the scale y over the values. */
  function yAxis(root, y, values, left, right) {
    for (const value of values) {
      svg("line", { x1: left, x2: right, y1: y(value), y2: y(value), class: value === 0 ? "axis zero" : "grid" }, root);
      svg("text", { x: left - 6, y: y(value) + 4, class: "tick", "text-anchor": "end" }, root).textContent = String(value);
    }
  }

  /** x-axis labels for categorical positions, thinned to at most about `most` labels. */
  function xLabels(root, labels, x, bottom, most) {
    const every = Math.max(1, Math.ceil(labels.length / most));
    labels.forEach((label, index) => {
      if (index % every !== 0) return;
      const anchor = index === 0 ? "start" : index === labels.length - 1 ? "end" : "middle";
      svg("text", { x: x(index), y: bottom + 16, class: "tick", "text-anchor": anchor }, root).textContent = label;
    });
  }

  /** Each [data-chart] figure drawn by the function registered under its name. */
  const drawers = {};
  function register(name, draw) { drawers[name] = draw; }
  function drawAll() {
    const data = pageData();
    for (const figure of document.querySelectorAll("[data-chart]")) {
      const draw = drawers[figure.dataset.chart];
      if (draw && data) draw(figure, data);
    }
  }
  document.addEventListener("DOMContentLoaded", drawAll);

  return { svg, tooltip, scale, ticks, months, pageData, empty, yAxis, xLabels, register };
})();
