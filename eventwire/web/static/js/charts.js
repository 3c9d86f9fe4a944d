// The dashboard's time charts: events per month by quad class (stacked areas), an actor's
// monthly cooperation and conflict (bars above and below zero), and a dyad's two directions
// (lines with points that open the events behind them).
"use strict";

(function (ew) {
  const WIDTH = 900, HEIGHT = 280, LEFT = 48, RIGHT = 16, TOP = 16, BOTTOM = 40;
  const QUAD_CLASSES = [1, 2, 3, 4];

  function frame(figure, label) {
    return ew.svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label, class: "plot" }, figure);
  }

  function legend(figure, entries) {
    const list = document.createElement("ul");
    list.className = "legend";
    for (const [name, cls] of entries) {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = `swatch ${cls}`;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(name));
      list.appendChild(item);
    }
    figure.appendChild(list);
  }

  ew.register("quads", function (figure, data) {
    const rows = data.monthly;
    if (!rows.length) return ew.empty(figure, "No dated events yet.");
    const labels = ew.months(rows[0].month, rows[rows.length - 1].month);
    const counts = new Map(labels.map((m) => [m, { 1: 0, 2: 0, 3: 0, 4: 0 }]));
    for (const row of rows) counts.get(row.month)[row.quad_class] = row.events;
    const totals = labels.map((m) => QUAD_CLASSES.reduce((sum, q) => sum + counts.get(m)[q], 0));
    const root = frame(figure, "Events per month, stacked by quad class");
    const x = ew.scale(0, Math.max(1, labels.length - 1), LEFT, WIDTH - RIGHT);
    const top = Math.max(...totals);
    const y = ew.scale(0, top, HEIGHT - BOTTOM, TOP);
    ew.yAxis(root, y, ew.ticks(0, top, 5), LEFT, WIDTH - RIGHT);
    const below = labels.map(() => 0);
    for (const quad of QUAD_CLASSES) {
      const above = labels.map((m, i) => below[i] + counts.get(m)[quad]);
      const upper = above.map((v, i) => `${x(i)},${y(v)}`);
      const lower = below.map((v, i) => `${x(i)},${y(v)}`).reverse();
      const points = labels.length === 1  // one month: a bar-wide band rather than a line
        ? [`${LEFT},${y(above[0])}`, `${WIDTH - RIGHT},${y(above[0])}`, `${WIDTH - RIGHT},${y(0)}`, `${LEFT},${y(0)}`]
        : upper.concat(lower);
      const area = ew.svg("polygon", { points: points.join(" "), class: `area q${quad}` }, root);
      ew.tooltip(area, `${data.quads[quad]}: ${labels.map((m) => counts.get(m)[quad]).reduce((a, b) => a + b, 0)} events`);
      above.forEach((v, i) => { below[i] = v; });
    }
    labels.forEach((month, i) => {
      const hit = ew.svg("rect", { x: x(i) - 3, y: y(totals[i]) - 3, width: 6, height: 6, class: "dot" }, root);
      ew.tooltip(hit, `${month}: ${QUAD_CLASSES.map((q) => `${data.quads[q]} ${counts.get(month)[q]}`).join(", ")}`);
    });
    ew.xLabels(root, labels, x, HEIGHT - BOTTOM, 12);
    legend(figure, QUAD_CLASSES.map((q) => [`${q} ${data.quads[q]}`, `q${q}`]));
    figure.dataset.drawn = String(labels.length);
  });

  ew.register("timeline", function (figure, data) {
    if (!data.timeline.length) return ew.empty(figure, "No dated events for this actor.");
    const byMonth = new Map(data.timeline.map((row) => [row.month, row]));
    const rows = ew.months(data.timeline[0].month, data.timeline[data.timeline.length - 1].month)
      .map((month) => byMonth.get(month) || { month, events: 0, cooperation: 0, conflict: 0, href: null });
    const root = frame(figure, "Cooperation and conflict per month");
    const high = Math.max(1, ...rows.map((r) => r.cooperation));
    const low = Math.min(-1, ...rows.map((r) => r.conflict));
    const y = ew.scale(low, high, HEIGHT - BOTTOM, TOP);
    ew.yAxis(root, y, ew.ticks(low, high, 6), LEFT, WIDTH - RIGHT);
    const band = (WIDTH - LEFT - RIGHT) / rows.length;
    const x = (i) => LEFT + band * (i + 0.5);
    rows.forEach((row, i) => {
      if (!row.href) return;  // a month without events
      const link = ew.svg("a", { href: row.href, class: "month" }, root);
      const width = Math.max(2, band * 0.7);
      ew.svg("rect", { x: x(i) - width / 2, y: y(row.cooperation), width, height: Math.max(0, y(0) - y(row.cooperation)), class: "bar cooperation" }, link);
      ew.svg("rect", { x: x(i) - width / 2, y: y(0), width, height: Math.max(0, y(row.conflict) - y(0)), class: "bar conflict" }, link);
      ew.tooltip(link, `${row.month}: ${row.events} events, cooperation ${row.cooperation}, conflict ${row.conflict}`);
    });
    ew.xLabels(root, rows.map((r) => r.month), x, HEIGHT - BOTTOM, 12);
    legend(figure, [["cooperation (Goldstein > 0)", "cooperation"], ["conflict (Goldstein < 0)", "conflict"]]);
    figure.dataset.drawn = String(data.timeline.length);
  });

  /** Periods of the chosen kind (a dyad by week also lists events dated only to a month). */
  const PERIOD_SHAPES = { day: /^\d{4}-\d\d-\d\d$/, week: /^\d{4}-W\d\d$/, month: /^\d{4}-\d\d$/, year: /^\d{4}$/ };

  ew.register("dyad", function (figure, data) {
    const rows = data.rows.filter((r) => r.period !== null && PERIOD_SHAPES[data.by].test(r.period));
    if (!rows.length) return ew.empty(figure, "No events dated by " + data.by + " between these actors (the table lists any others).");
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const root = frame(figure, "Events in each direction per period");
    const x = ew.scale(0, Math.max(1, periods.length - 1), LEFT + 10, WIDTH - RIGHT - 10);
    const top = Math.max(...rows.map((r) => r.events));
    const y = ew.scale(0, top, HEIGHT - BOTTOM, TOP);
    ew.yAxis(root, y, ew.ticks(0, top, 5), LEFT, WIDTH - RIGHT);
    data.directions.forEach((direction, d) => {
      const byPeriod = new Map(rows.filter((r) => r.direction === direction).map((r) => [r.period, r]));
      const line = periods.map((p, i) => `${x(i)},${y(byPeriod.has(p) ? byPeriod.get(p).events : 0)}`);
      ew.svg("polyline", { points: line.join(" "), class: `line d${d}` }, root);
      periods.forEach((period, i) => {
        const row = byPeriod.get(period);
        if (!row) return;
        const link = ew.svg("a", { href: row.href, class: "point" }, root);
        ew.tooltip(ew.svg("circle", { cx: x(i), cy: y(row.events), r: 5, class: `d${d}` }, link),
          `${direction} ${period}: ${row.events} events, Goldstein sum ${row.goldstein_sum}`);
      });
    });
    ew.xLabels(root, periods, x, HEIGHT - BOTTOM, 12);
    legend(figure, data.directions.map((direction, d) => [direction, `d${d}`]));
    figure.dataset.drawn = String(rows.length);
  });
})(window.eventwire);
