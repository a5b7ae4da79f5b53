// Link graph of an entity: its records and the entities they name, to N hops (GET /api/entities/{id}/graph).
// Every text shown comes from the page (data-texts, the reader's language): this script holds none.
(function () {
  const el = document.getElementById("graph");
  if (!el || typeof cytoscape === "undefined") return;
  const id = el.dataset.entity;
  const status = document.getElementById("graph-status");
  const legend = document.getElementById("graph-legend");
  const fit = document.getElementById("graph-fit");
  let texts = {};
  try { texts = JSON.parse(el.dataset.texts || "{}"); } catch (e) { texts = {}; }
  const kinds = texts.kinds || {};
  const roles = texts.roles || {};
  const kindName = (k) => kinds[k] || k;
  const roleName = (r) => roles[r] || r;
  const fill = (pattern, args) => String(pattern || "").replace(/\{(\d+)\}/g, (m, i) => (i in args ? args[i] : m));
  // one colour a kind, far apart from every other (a legend of two blues, two reds and two greys
  // could not tell a company from a trader, nor a record from an e-mail); records are squares too
  const colours = { record: "#333333", company: "#1f77b4", person: "#2ca02c", phone: "#ff7f0e", address: "#7b3fc4",
    email: "#d62728", trader: "#00d0d0", container: "#8b6914", vessel: "#ff69d4", document: "#d4d400",
    "transport-document": "#aec7e8", flight: "#98df8a" };
  // a kind without a colour of its own gets a hue of its own, never the grey of another
  const colour = (t) => {
    if (!colours[t]) colours[t] = "hsl(" + Math.round((Object.keys(colours).length * 137.5) % 360) + ", 70%, 40%)";
    return colours[t];
  };
  // The names shown: the entity's, then its neighbours' (the busiest first), each only where it
  // overlaps no name already shown; the others on pointing. A hub's forty neighbours' names piled
  // into one unreadable blob.
  function placeLabels(cy, centre) {
    const shown = [];
    const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const candidates = [centre].concat(centre.neighborhood("node").sort((a, b) => b.degree() - a.degree()).toArray());
    candidates.forEach((n) => {
      if (!n || n.empty()) return;
      n.addClass("labelled");
      const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (n !== centre && shown.some((b) => overlaps(b, box))) {
        n.removeClass("labelled");
      } else {
        shown.push(box);
      }
    });
    return shown.length;
  }
  let cy = null;
  function showLegend(types) {
    if (!legend) return;
    legend.textContent = "";
    legend.style.listStyle = "none";
    legend.style.display = "flex";
    legend.style.flexWrap = "wrap";
    legend.style.gap = "0.3em 1.2em";
    legend.style.paddingLeft = "0";
    types.forEach((t) => {
      const li = document.createElement("li");
      li.dataset.kind = t;
      const dot = document.createElement("span");
      dot.className = "swatch";
      dot.style.backgroundColor = colour(t);
      dot.style.display = "inline-block";
      dot.style.width = "10px";
      dot.style.height = "10px";
      dot.style.borderRadius = t === "record" ? "2px" : "50%";
      li.appendChild(dot);
      li.appendChild(document.createTextNode(" " + kindName(t)));
      legend.appendChild(li);
    });
  }
  function load(hops) {
    status.textContent = texts.loading || "…";
    // asked in the page's language, so that records' labels read as the page's record list does
    const lang = document.documentElement.lang || "en";
    fetch("/api/entities/" + id + "/graph?hops=" + hops + "&lang=" + encodeURIComponent(lang),
      { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((g) => {
        const elements = [];
        const types = [];
        g.nodes.forEach((n) => {
          if (!types.includes(n.type)) types.push(n.type);
          elements.push({ data: { id: n.id, label: n.label.length > 40 ? n.label.slice(0, 40) + "…" : n.label,
            full: n.label, type: n.type, kind: kindName(n.type),
            href: n.type === "record" ? "/records/" + n.dbId : "/entities/" + n.dbId } });
        });
        g.edges.forEach((e, i) => elements.push({ data: { id: "x" + i, source: e.source, target: e.target, label: roleName(e.label), role: e.label } }));
        cy = cytoscape({
          container: el, elements: elements,
          style: [
            // names only for the entity and what it links to directly (and a node pointed at):
            // every label of a graph of a hundred nodes overlapped into one unreadable blob
            { selector: "node", style: { label: "", "font-size": 9, "background-color": (n) => colour(n.data("type")), width: 14, height: 14 } },
            { selector: "node.labelled, node.pointed", style: { label: "data(label)", "text-background-color": "#fff",
              "text-background-opacity": 0.8, "text-background-padding": 1 } },
            { selector: "node.pointed", style: { "z-index": 10, "text-background-color": "#fff", "text-background-opacity": 0.9 } },
            { selector: "node[type = 'record']", style: { shape: "round-rectangle" } },
            { selector: "node[id = 'e" + id + "']", style: { width: 24, height: 24, "border-width": 3, "border-color": "#000" } },
            { selector: "edge", style: { width: 1, "line-color": "#c9d1d9", label: "", "font-size": 7, color: "#6e7781" } },
            // a link's role only around the node pointed at: twenty "importer"s round the entity
            // would crowd its own records' names
            { selector: "edge.pointed", style: { label: "data(label)" } }
          ],
          // room between nodes for the names shown
          layout: { name: "cose", animate: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 60, padding: 20 }
        });
        const centre = cy.getElementById("e" + id);
        const labelled = placeLabels(cy, centre);
        // for whoever checks the page (a browser test): the graph as drawn
        el.sekishoGraph = cy;
        cy.on("tap", "node", (evt) => { window.location.href = evt.target.data("href"); });
        // the browser's own tooltip: the node's kind and whole name, and that a click opens it
        cy.on("mouseover", "node", (evt) => {
          el.title = evt.target.data("kind") + ": " + evt.target.data("full") + (texts.open ? " — " + texts.open : "");
          evt.target.closedNeighborhood().addClass("pointed");
        });
        cy.on("mouseout", "node", (evt) => { el.title = ""; evt.target.closedNeighborhood().removeClass("pointed"); });
        status.textContent = fill(texts.status, [g.nodes.length, g.edges.length]) + (g.truncated ? " " + (texts.truncated || "") : "")
          + (labelled < g.nodes.length ? " " + (texts.labels || "") : "");
        el.dataset.labelled = labelled;
        status.dataset.truncated = g.truncated;
        el.dataset.nodes = g.nodes.length;
        showLegend(types);
      })
      .catch(() => { status.textContent = texts.unavailable || ""; });
  }
  if (fit) fit.addEventListener("click", () => { if (cy) cy.fit(); });
  const hops = document.getElementById("hops");
  hops.addEventListener("change", () => load(hops.value));
  load(hops.value);
})();
