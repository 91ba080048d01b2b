// Draws the dyads report from the JSON data embedded in the page. Every text from the data goes into
// the page through textContent or SVG text nodes, never as markup, so article text cannot run script.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const COOPERATION = "#2e7d32", CONFLICT = "#c62828";
  const data = JSON.parse(document.getElementById("dyads-data").textContent);
  const worldData = document.getElementById("dyads-world");

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function goldsteinColour(value) {
    if (value === null || value === undefined) return "#9aa3b1";
    const share = Math.max(-1, Math.min(1, value / 10));
    const [r, g, b] = share >= 0 ? [46, 125, 50] : [198, 40, 40];
    const weight = Math.abs(share) * 0.75 + 0.25;
    const mix = (channel) => Math.round(154 + (channel - 154) * weight);
    return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
  }

  function table(headings, rows, numeric) {
    const head = el("tr", {}, ...headings.map((h, i) => el("th", numeric.includes(i) ? { class: "num" } : {}, h)));
    const body = rows.map((cells) =>
      el("tr", {}, ...cells.map((cell, i) => el("td", numeric.includes(i) ? { class: "num" } : {}, cell)))
    );
    return el("table", {}, el("thead", {}, head), el("tbody", {}, ...body));
  }

  function overview() {
    const o = data.overview;
    const cards = [
      ["articles", o.articles], ["outlets", o.outlets], ["events", o.events], ["stories", o.stories],
      ["conflicts", o.conflicts], ["published", o.published || "-"],
    ];
    document.getElementById("overview").append(
      el("div", { class: "cards" }, ...cards.map(([label, value]) => el("div", { class: "card" }, el("b", {}, value), el("span", {}, label))))
    );
  }

  function pairs() {
    const holder = document.getElementById("pairs");
    if (!data.pairs.length) { holder.append(el("p", { class: "empty" }, "No events between two countries yet.")); return; }
    const rows = data.pairs.map((p) => [p.pair, p.events, p.cooperation, p.conflict, p.goldstein ?? "-"]);
    const t = table(["pair", "events", "cooperation", "conflict", "mean Goldstein"], rows, [1, 2, 3, 4]);
    t.querySelectorAll("tbody tr").forEach((row, i) => {
      row.classList.add("pick");
      row.addEventListener("click", () => selectPair(data.pairs[i].pair));
    });
    holder.append(t);
  }

  function selectPair(pair) {
    const select = document.getElementById("pair-select");
    select.value = pair;
    drawTimeline(pair);
    document.querySelectorAll("#pairs tbody tr").forEach((row, i) => row.classList.toggle("selected", data.pairs[i].pair === pair));
  }

  function timeline() {
    const holder = document.getElementById("timeline");
    const names = Object.keys(data.series);
    if (!names.length) { holder.append(el("p", { class: "empty" }, "No dated events between two countries yet.")); return; }
    const select = el("select", { id: "pair-select", "aria-label": "country pair" }, ...names.map((n) => el("option", { value: n }, n)));
    select.addEventListener("change", () => selectPair(select.value));
    const legend = el("span", { class: "legend" },
      el("i", { class: "swatch-cooperation" }), "cooperation", el("i", { class: "swatch-conflict" }), "conflict",
      el("i", { class: "swatch-goldstein" }), "mean Goldstein (right axis, -10..10)");
    holder.append(el("p", {}, "Pair ", select, " ", legend), el("div", { id: "timeline-chart" }));
    selectPair(names[0]);
  }

  function drawTimeline(pair) {
    const holder = document.getElementById("timeline-chart");
    holder.replaceChildren();
    const points = data.series[pair] || [];
    const width = 1100, height = 240, left = 36, right = 36, top = 12, bottom = 44;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "data-pair": pair });
    chart.append(svg("title", {}, `Events per week between ${pair}`));
    const most = Math.max(1, ...points.map((p) => p.cooperation + p.conflict));
    const band = (width - left - right) / Math.max(points.length, 1);
    const y = (count) => top + (height - top - bottom) * (1 - count / most);
    const g = (score) => top + (height - top - bottom) * (1 - (score + 10) / 20);
    chart.append(svg("line", { x1: left, x2: width - right, y1: y(0), y2: y(0), stroke: "#9aa3b1" }));
    chart.append(svg("text", { x: 2, y: y(most) + 4 }, most), svg("text", { x: width - right + 4, y: g(10) + 4 }, "+10"),
      svg("text", { x: width - right + 4, y: g(-10) + 4 }, "-10"));
    const line = [];
    points.forEach((p, i) => {
      const x = left + i * band + band * 0.15, w = band * 0.7;
      chart.append(svg("rect", { class: "bar-cooperation", x, width: w, y: y(p.cooperation), height: y(0) - y(p.cooperation), fill: COOPERATION }));
      chart.append(svg("rect", { class: "bar-conflict", x, width: w, y: y(p.cooperation + p.conflict), height: y(p.cooperation) - y(p.cooperation + p.conflict), fill: CONFLICT }));
      chart.append(svg("text", { x: x + w / 2, y: height - bottom + 14, "text-anchor": "middle" }, p.week));
      if (p.goldstein !== null) line.push(`${x + w / 2},${g(p.goldstein)}`);
    });
    if (line.length) chart.append(svg("polyline", { points: line.join(" "), fill: "none", stroke: "#1d2330", "stroke-width": 2 }));
    holder.append(chart);
  }

  function network() {
    const holder = document.getElementById("network");
    const nodes = data.network.nodes;
    if (!nodes.length) { holder.append(el("p", { class: "empty" }, "No events between two countries yet.")); return; }
    const size = 520, centre = size / 2, radius = size / 2 - 60;
    const chart = svg("svg", { viewBox: `0 0 ${size} ${size}`, width: "100%", role: "img" });
    chart.append(svg("title", {}, "Countries linked by their events; edge width is the number of events, colour the mean Goldstein score"));
    const place = {};
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      place[n.id] = [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)];
    });
    const most = Math.max(1, ...data.network.edges.map((e) => e.events));
    for (const e of data.network.edges) {
      const [x1, y1] = place[e.source], [x2, y2] = place[e.target];
      const edge = svg("line", { class: "edge", x1, y1, x2, y2, stroke: goldsteinColour(e.goldstein), "stroke-width": 1 + 7 * (e.events / most), "stroke-opacity": 0.8 });
      edge.append(svg("title", {}, `${e.source}-${e.target}: ${e.events} events, mean Goldstein ${e.goldstein ?? "-"}`));
      chart.append(edge);
    }
    const biggest = Math.max(1, ...nodes.map((n) => n.events));
    for (const n of nodes) {
      const [x, y] = place[n.id];
      const node = svg("circle", { class: "node", cx: x, cy: y, r: 6 + 14 * Math.sqrt(n.events / biggest), fill: "#3b5b92" });
      node.append(svg("title", {}, `${n.id}: ${n.events} events`));
      chart.append(node, svg("text", { x, y: y - 22, "text-anchor": "middle" }, n.id));
    }
    holder.append(chart);
  }

  function shade(share) {
    if (!share) return "#dfe4ea";
    const weight = 0.2 + 0.8 * Math.sqrt(share);
    const mix = (from, to) => Math.round(from + (to - from) * weight);
    return `rgb(${mix(223, 29)}, ${mix(228, 78)}, ${mix(234, 137)})`;
  }

  function map() {
    const holder = document.getElementById("map");
    const m = data.map;
    if (!worldData || !window.d3 || !window.topojson) { holder.append(el("p", { class: "empty" }, "The map's scripts did not load.")); return; }
    const topology = JSON.parse(worldData.textContent);
    const width = 960, height = 500;
    const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", id: "map-chart" });
    chart.append(svg("title", {}, "Events by the country they happened in (shading) and by place (points)"));
    chart.append(svg("path", { d: path({ type: "Sphere" }), fill: "#f4f7fb", stroke: "#c9d1dc" }));
    const most = Math.max(1, ...Object.values(m.countries));
    for (const feature of topojson.feature(topology, topology.objects.countries).features) {
      const code = m.numeric[feature.id] || "";
      const count = m.countries[code] || 0;
      const shape = svg("path", { class: "country", d: path(feature), fill: shade(count / most), stroke: "#ffffff", "stroke-width": 0.5, "data-country": code, "data-events": count });
      shape.append(svg("title", {}, `${feature.properties.name}: ${count} events`));
      chart.append(shape);
    }
    const biggest = Math.max(1, ...m.points.map((p) => p.events));
    for (const p of m.points) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const dot = svg("circle", { class: "place", cx: xy[0], cy: xy[1], r: 3 + 9 * Math.sqrt(p.events / biggest), fill: CONFLICT, "fill-opacity": 0.75, stroke: "#ffffff", tabindex: 0, "data-place": p.name });
      dot.append(svg("title", {}, `${p.name}: ${p.events} events`));
      dot.addEventListener("click", () => showPlace(p));
      dot.addEventListener("keydown", (event) => { if (event.key === "Enter") showPlace(p); });
      chart.append(dot);
    }
    holder.append(chart, el("div", { id: "map-events" }, el("p", { class: "empty" }, m.points.length ? "Pick a point to list its events." : "No event is placed more precisely than a country yet.")));
  }

  function showPlace(p) {
    const rows = p.items.map((e) => [e.date || "-", `${e.source} → ${e.target || "-"}`, e.cameo, e.sentence]);
    const more = p.events > p.items.length ? el("p", { class: "meta" }, `and ${p.events - p.items.length} more`) : "";
    document.getElementById("map-events").replaceChildren(
      el("h3", {}, `${p.name} (${p.precision}, ${p.country || "-"})`),
      table(["date", "who → whom", "CAMEO", "sentence"], rows, []), more);
  }

  function stories() {
    const holder = document.getElementById("stories");
    if (!data.stories.length) { holder.append(el("p", { class: "empty" }, "No stories yet.")); return; }
    const list = el("ul");
    data.stories.forEach((story) => {
      const badge = el("span", { class: story.conflicts.length ? "badge alert" : "badge", title: "conflicts" }, story.conflicts.length);
      const item = el("li", { "data-story": story.id }, el("div", {}, story.title || story.id, badge),
        el("div", { class: "meta" }, `${story.articles.length} articles · ${new Set(story.articles.map((a) => a.outlet || a.doc)).size} outlets · ${story.articles[0]?.published || ""}`
          + (story.topics.length ? ` · ${story.topics.slice(0, 3).map((t) => `${t.topic} (${t.outlets})`).join(", ")}` : "")));
      item.addEventListener("click", () => showStory(story.id));
      list.append(item);
    });
    holder.append(el("div", { class: "row" }, el("div", {}, list), el("div", { id: "story-detail" }, el("p", { class: "empty" }, "Pick a story."))));
  }

  function showStory(id) {
    const story = data.stories.find((s) => s.id === id);
    const detail = document.getElementById("story-detail");
    document.querySelectorAll(".stories li").forEach((li) => li.classList.toggle("selected", li.dataset.story === id));
    const outlet = Object.fromEntries(story.articles.map((a) => [a.doc, a.outlet || a.doc]));
    outlet["actor dictionary"] = "actor dictionary";
    const parts = [el("h3", {}, story.title || story.id)];
    const c = story.comparison;
    parts.push(el("h4", {}, `Conflicts (${c.conflicts.length})`));
    if (!c.conflicts.length) parts.push(el("p", { class: "empty" }, "The outlets do not contradict each other."));
    for (const conflict of c.conflicts) {
      const says = Object.entries(conflict.values).map(([doc, value], i) =>
        el("div", {}, el("b", {}, outlet[doc] || doc), ": ", el("mark", {}, value),
          conflict.evidence[i] ? el("blockquote", {}, conflict.evidence[i]) : ""));
      parts.push(el("div", { class: "conflict", "data-kind": conflict.kind }, el("h4", {}, `${conflict.kind.replace(/_/g, " ")}: ${conflict.description}`), el("div", { class: "says" }, ...says)));
    }
    for (const [title, claims] of [["Corroborated claims", c.corroborated], ["Single-source claims", c.single_source]]) {
      parts.push(el("h4", {}, `${title} (${claims.length})`));
      if (!claims.length) { parts.push(el("p", { class: "empty" }, "None.")); continue; }
      parts.push(table(["claim", "date", "outlets", "first reported", "evidence"], claims.map((claim) => [
        claim.claim, claim.event_date || "-", claim.outlets.join(", "), claim.first_reported || "-", el("blockquote", {}, claim.evidence[0] || ""),
      ]), []));
    }
    detail.replaceChildren(...parts);
  }

  // The dashboard's overview page reuses the sections it has; the report has them all.
  for (const [id, draw] of [["overview", overview], ["pairs", pairs], ["timeline", timeline], ["network", network], ["map", map], ["stories", stories]]) {
    if (document.getElementById(id)) draw();
  }
  document.body.dataset.ready = "true";
})();
