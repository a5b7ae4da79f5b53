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
  const colours = { record: "#8b1a1a", company: "#1f6feb", person: "#2da44e", phone: "#bf8700", address: "#8250df",
    email: "#cf222e", trader: "#0969da", container: "#57606a", vessel: "#1b7c83", document: "#9a6700",
    "transport-document": "#6e7781", flight: "#0e8a16" };
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
      dot.style.backgroundColor = colours[t] || "#999";
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
            { selector: "node", style: { label: "", "font-size": 9, "background-color": (n) => colours[n.data("type")] || "#999", width: 14, height: 14 } },
            { selector: "node.labelled, node.pointed", style: { label: "data(label)" } },
            { selector: "node.pointed", style: { "z-index": 10, "text-background-color": "#fff", "text-background-opacity": 0.9 } },
            { selector: "node[type = 'record']", style: { shape: "round-rectangle" } },
            { selector: "node[id = 'e" + id + "']", style: { width: 24, height: 24, "border-width": 3, "border-color": "#000" } },
            { selector: "edge", style: { width: 1, "line-color": "#c9d1d9", label: "", "font-size": 7, color: "#6e7781" } },
            // a link's role only around the node pointed at: twenty "importer"s round the entity
            // would crowd its own records' names
            { selector: "edge.pointed", style: { label: "data(label)" } }
          ],
          layout: { name: "cose", animate: false }
        });
        const centre = cy.getElementById("e" + id);
        centre.closedNeighborhood().addClass("labelled");
        cy.on("tap", "node", (evt) => { window.location.href = evt.target.data("href"); });
        // the browser's own tooltip: the node's kind and whole name, and that a click opens it
        cy.on("mouseover", "node", (evt) => {
          el.title = evt.target.data("kind") + ": " + evt.target.data("full") + (texts.open ? " — " + texts.open : "");
          evt.target.closedNeighborhood().addClass("pointed");
        });
        cy.on("mouseout", "node", (evt) => { el.title = ""; evt.target.closedNeighborhood().removeClass("pointed"); });
        const labelled = cy.nodes(".labelled").length;
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
