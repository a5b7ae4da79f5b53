// Link graph of an entity: its records and the entities they name, to N hops (GET /api/entities/{id}/graph).
(function () {
  const el = document.getElementById("graph");
  if (!el || typeof cytoscape === "undefined") return;
  const id = el.dataset.entity;
  const status = document.getElementById("graph-status");
  const colours = { record: "#8b1a1a", company: "#1f6feb", person: "#2da44e", phone: "#bf8700", address: "#8250df",
    email: "#cf222e", trader: "#0969da", container: "#57606a", vessel: "#1b7c83", document: "#9a6700", "transport-document": "#6e7781" };
  function load(hops) {
    status.textContent = "…";
    fetch("/api/entities/" + id + "/graph?hops=" + hops, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((g) => {
        const elements = [];
        g.nodes.forEach((n) => elements.push({ data: { id: n.id, label: n.label.length > 40 ? n.label.slice(0, 40) + "…" : n.label, type: n.type, href: n.type === "record" ? "/records/" + n.dbId : "/entities/" + n.dbId } }));
        g.edges.forEach((e, i) => elements.push({ data: { id: "x" + i, source: e.source, target: e.target, label: e.label } }));
        const cy = cytoscape({
          container: el, elements: elements,
          style: [
            { selector: "node", style: { label: "data(label)", "font-size": 9, "background-color": (n) => colours[n.data("type")] || "#999", width: 14, height: 14 } },
            { selector: "node[type = 'record']", style: { shape: "round-rectangle" } },
            { selector: "node[id = 'e" + id + "']", style: { width: 24, height: 24, "border-width": 3, "border-color": "#000" } },
            { selector: "edge", style: { width: 1, "line-color": "#c9d1d9", label: "data(label)", "font-size": 7, color: "#6e7781" } }
          ],
          layout: { name: "cose", animate: false }
        });
        cy.on("tap", "node", (evt) => { window.location.href = evt.target.data("href"); });
        status.textContent = g.nodes.length + " nodes, " + g.edges.length + " links" +
          (g.truncated ? " (truncated: there are more records and links than shown)" : "");
        status.dataset.truncated = g.truncated;
        el.dataset.nodes = g.nodes.length;
      })
      .catch(() => { status.textContent = "graph unavailable"; });
  }
  const hops = document.getElementById("hops");
  hops.addEventListener("change", () => load(hops.value));
  load(hops.value);
})();
