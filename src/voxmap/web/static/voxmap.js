// voxmap dashboard: renders the charts and the network from the JSON blocks the pages embed,
// and fills actor-name suggestions. No inline script anywhere: the Content-Security-Policy forbids it.
"use strict";

function renderCharts(root) {
  if (!window.vegaEmbed) return;
  root.querySelectorAll(".vega[data-spec]").forEach(function (el) {
    const block = document.getElementById(el.dataset.spec);
    if (!block || el.dataset.rendered) return;
    el.dataset.rendered = "1";
    const spec = JSON.parse(block.textContent);
    // ast + interpreter: Vega evaluates expressions without eval, as the CSP requires.
    window.vegaEmbed(el, spec, {
      actions: { export: true, source: false, compiled: false, editor: false }, renderer: "svg", ast: true, defaultStyle: false, tooltip: false,
      expr: window.vegaInterpreter.expressionInterpreter,
    }).catch(function (error) { el.textContent = "Chart unavailable: " + error; });
  });
}

function renderNetwork() {
  const container = document.getElementById("network");
  const block = document.getElementById("network-elements");
  if (!container || !block || !window.cytoscape) return;
  const elements = JSON.parse(block.textContent);  // edges carry their colour (the legend's)
  document.querySelectorAll(".legend .swatch.edge").forEach(function (el) { el.style.background = el.dataset.colour; });
  const cy = window.cytoscape({
    container: container, elements: elements, wheelSensitivity: 0.3,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 },
    style: [
      { selector: "node", style: { "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "font-size": 10, "background-color": "#345995", "color": "#222", "text-valign": "bottom" } },
      { selector: "node[type = 'organization'], node[type = 'group']", style: { "shape": "round-rectangle", "background-color": "#8a5a00" } },
      { selector: "edge", style: { "width": "mapData(weight, 1, 10, 1, 6)", "line-color": "data(colour)",
        "curve-style": "bezier", "target-arrow-shape": "none", "opacity": 0.8 } },
      { selector: "edge[kind != 'co_quotation']", style: { "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)" } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#f5b700", "line-color": "#f5b700" } },
    ],
  });
  cy.on("tap", "edge", function (event) {
    window.htmx.ajax("GET", "/network/edges/" + event.target.data("pair"), { target: "#evidence" });
  });
  cy.on("tap", "node", function (event) { window.location.href = "/actors/" + event.target.data("actor"); });
  window.voxmapNetwork = cy;
  const find = document.getElementById("network-find");
  if (find) find.addEventListener("change", function () { centreOn(cy, find.value); });
}

// Centre the graph on the actor of that name and select it.
function centreOn(cy, name) {
  const wanted = name.trim().toLowerCase();
  const node = cy.nodes().filter(function (n) { return n.data("label").toLowerCase() === wanted; }).first();
  if (!node.length) return;
  cy.elements().unselect();
  node.select();
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.5) }, { duration: 300 });
}

// Inputs with data-actor-options fill their datalist with matching actor names as one types.
function suggestActors(input) {
  const list = document.getElementById(input.dataset.actorOptions);
  if (!list || input.value.length < 2) return;
  fetch("/actor-names.json?prefix=" + encodeURIComponent(input.value), { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (body) {
      list.replaceChildren.apply(list, body.data.actors.map(function (actor) {
        const option = document.createElement("option");
        option.value = actor.name;
        option.label = actor.type;
        return option;
      }));
    });
}

document.addEventListener("input", function (event) {
  if (event.target.dataset && event.target.dataset.actorOptions) suggestActors(event.target);
});
document.addEventListener("DOMContentLoaded", function () {
  renderCharts(document);
  renderNetwork();
  const selected = document.querySelector(".seg.selected");
  if (selected) selected.scrollIntoView({ block: "center" });
});
document.addEventListener("htmx:afterSwap", function (event) { renderCharts(event.target); });
// Keep the clicked quote highlighted when the panel is loaded by htmx.
document.addEventListener("htmx:beforeRequest", function (event) {
  const quote = event.target.dataset && event.target.dataset.quote;
  if (!quote) return;
  document.querySelectorAll(".seg.selected").forEach(function (el) { el.classList.remove("selected"); });
  document.querySelectorAll('.seg[data-quote="' + quote + '"]').forEach(function (el) { el.classList.add("selected"); });
});
