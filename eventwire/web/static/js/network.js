// The actor network: actors as nodes, directed dyads as edges, laid out by a small force
// simulation run before drawing (repulsion between nodes, springs along edges, a pull to
// the centre). Edge width follows the number of events, colour the mean Goldstein value.
// Nodes can be dragged; a click opens the actor's page.
"use strict";

(function (ew) {
  const WIDTH = 960, HEIGHT = 640, STEPS = 300, GRAVITY = 0.04;

  /** Red for conflict (-10), grey at 0, blue for cooperation (+10). */
  function goldsteinColour(value) {
    const t = Math.max(-1, Math.min(1, (value || 0) / 10));
    const grey = [150, 150, 150], end = t < 0 ? [200, 30, 30] : [30, 90, 200];
    const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
    return `rgb(${mix.join(",")})`;
  }

  /** Scale and move the positions to fill the drawing, keeping their proportions. */
  function fit(pos) {
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.min((WIDTH - 80) / Math.max(1, x1 - x0), (HEIGHT - 60) / Math.max(1, y1 - y0));
    for (const p of pos) {
      p.x = WIDTH / 2 + (p.x - (x0 + x1) / 2) * k;
      p.y = HEIGHT / 2 + (p.y - (y0 + y1) / 2) * k;
    }
  }

  /** Positions for the nodes: deterministic start on a circle, then STEPS of forces. */
  function layout(nodes, edges) {
    const n = nodes.length, index = new Map(nodes.map((node, i) => [node.code, i]));
    const pos = nodes.map((_, i) => ({
      x: WIDTH / 2 + (WIDTH / 3) * Math.cos((2 * Math.PI * i) / n),
      y: HEIGHT / 2 + (HEIGHT / 3) * Math.sin((2 * Math.PI * i) / n),
    }));
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
    const ideal = Math.sqrt((WIDTH * HEIGHT) / Math.max(1, n)) * 0.6;
    for (let step = 0; step < STEPS; step++) {
      const heat = 1 - step / STEPS, force = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x || 0.01, dy = pos[i].y - pos[j].y || 0.01;
          const d2 = dx * dx + dy * dy, push = (ideal * ideal) / d2;
          force[i].x += dx * push * 0.05; force[i].y += dy * push * 0.05;
          force[j].x -= dx * push * 0.05; force[j].y -= dy * push * 0.05;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const pull = (d - ideal) / d * 0.1;
        force[a].x += dx * pull; force[a].y += dy * pull; force[b].x -= dx * pull; force[b].y -= dy * pull;
      }
      pos.forEach((p, i) => {
        force[i].x += (WIDTH / 2 - p.x) * GRAVITY; force[i].y += (HEIGHT / 2 - p.y) * GRAVITY;
        const f = force[i], size = Math.sqrt(f.x * f.x + f.y * f.y), cap = 30 * heat + 1;
        const k = size > cap ? cap / size : 1;
        p.x += f.x * k; p.y += f.y * k;
      });
    }
    fit(pos);
    return pos;
  }

  /** A slightly curved path from a to b ending at b's rim, so both directions of a dyad show. */
  function edgePath(a, b, radius) {
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const mx = (a.x + b.x) / 2 - (dy / d) * d * 0.12, my = (a.y + b.y) / 2 + (dx / d) * d * 0.12;
    const ex = b.x - mx, ey = b.y - my, e = Math.sqrt(ex * ex + ey * ey) || 1;
    const tx = b.x - (ex / e) * (radius + 3), ty = b.y - (ey / e) * (radius + 3);
    return `M${a.x},${a.y} Q${mx},${my} ${tx},${ty}`;
  }

  ew.register("network", function (figure, data) {
    const nodes = data.nodes, known = new Set(nodes.map((node) => node.code));
    const edges = data.edges.filter((edge) => known.has(edge.source) && known.has(edge.target));
    if (!nodes.length) return ew.empty(figure, "No events with both a source and a target match.");
    const pos = layout(nodes, edges), index = new Map(nodes.map((node, i) => [node.code, i]));
    const root = ew.svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Actor network", class: "plot" }, figure);
    const defs = ew.svg("defs", {}, root);
    const arrow = ew.svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    ew.svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }, arrow);
    const most = Math.max(1, ...edges.map((e) => e.events));
    const lines = edges.map((edge) => {
      const line = ew.svg("path", {
        class: "edge", stroke: goldsteinColour(edge.goldstein_mean), "stroke-width": 1 + 6 * Math.sqrt(edge.events / most),
        fill: "none", "marker-end": "url(#arrow)",
      }, root);
      ew.tooltip(line, `${edge.source} → ${edge.target}: ${edge.events} events, mean Goldstein ${edge.goldstein_mean}`);
      return { line, a: index.get(edge.source), b: index.get(edge.target) };
    });
    const busiest = Math.max(1, ...nodes.map((node) => node.events));
    const radius = nodes.map((node) => 5 + 10 * Math.sqrt(node.events / busiest));
    const groups = nodes.map((node, i) => {
      const link = ew.svg("a", { href: `/actors/${encodeURIComponent(node.code)}`, class: "node" }, root);
      ew.svg("circle", { r: radius[i] }, link);
      ew.svg("text", { dy: -12, "text-anchor": "middle" }, link).textContent = node.code;
      ew.tooltip(link, `${node.code}: ${node.events} events`);
      return link;
    });
    function place() {
      groups.forEach((group, i) => group.setAttribute("transform", `translate(${pos[i].x},${pos[i].y})`));
      for (const { line, a, b } of lines) line.setAttribute("d", edgePath(pos[a], pos[b], radius[b]));
    }
    // Dragging: a press that moves the node more than a few pixels does not also follow its link.
    let dragged = null, moved = false, pressed = null;
    const toSvg = (event) => {
      const point = root.createSVGPoint();
      point.x = event.clientX; point.y = event.clientY;
      return point.matrixTransform(root.getScreenCTM().inverse());
    };
    groups.forEach((group, i) => {
      group.addEventListener("pointerdown", (event) => {
        dragged = i; moved = false; pressed = { x: event.clientX, y: event.clientY };
        group.setPointerCapture(event.pointerId);
      });
      group.addEventListener("click", (event) => { if (moved) event.preventDefault(); });
    });
    root.addEventListener("pointermove", (event) => {
      if (dragged === null) return;
      if (!moved && Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) < 4) return;
      const p = toSvg(event);
      moved = true; pos[dragged].x = p.x; pos[dragged].y = p.y; place();
    });
    const release = () => { dragged = null; };
    root.addEventListener("pointerup", release);
    root.addEventListener("pointercancel", release);
    place();
    figure.dataset.drawn = String(nodes.length);
  });
})(window.eventwire);
