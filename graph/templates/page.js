// kamerkg offline page: reads the embedded JSON, draws it with vis-network.
// Every piece of document text reaches the DOM through textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kkg-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";

  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  // A tooltip as a DOM element: vis-network appends elements as they are,
  // whereas a string title would be parsed as HTML.
  function tip(rows) {
    var box = document.createElement("div");
    box.className = "kkg-tip";
    rows.forEach(function (row) {
      var line = document.createElement("div");
      if (row[0]) {
        var key = document.createElement("b");
        key.textContent = row[0] + ": ";
        line.appendChild(key);
        if (row[0] === "evidence") line.className = "kkg-evidence";
      } else {
        line.className = "kkg-head";
      }
      line.appendChild(document.createTextNode(row[1]));
      box.appendChild(line);
    });
    return box;
  }

  var byId = {};
  var nodeItems = data.nodes.map(function (n) {
    byId[n.id] = n;
    n.keys = [n.label].concat(n.aliases).map(norm);
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: n.shape,
      color: { background: n.color, border: n.color,
               highlight: { background: n.color, border: "#000000" },
               hover: { background: n.color, border: "#000000" } },
      title: tip(n.tip), kind: n.kind
    };
  });
  var edgeItems = data.edges.map(function (e) {
    var item = {
      id: e.id, from: e.from, to: e.to, dashes: e.dashes, width: e.width,
      color: { color: e.color, highlight: "#000000", hover: "#000000" },
      smooth: e.smooth, title: tip(e.tip), relation: e.relation, stance: e.stance
    };
    if (e.label) item.label = e.label;
    return item;
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = document.getElementById("kkg-network");
  var state = { ready: false, drawnAt: null, nodeCount: nodeItems.length,
                edgeCount: edgeItems.length, selected: null };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.once("afterDrawing", function () {
    state.ready = true;
    state.drawnAt = performance.now();
  });

  // Legend and class filters.
  var hidden = {};
  var classBox = document.getElementById("kkg-classes");
  data.legend.classes.forEach(function (c) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = c.kind;
    box.className = "kkg-filter";
    box.addEventListener("change", function () {
      hidden[c.kind] = !box.checked;
      var updates = [];
      data.nodes.forEach(function (n) {
        if (n.kind === c.kind) updates.push({ id: n.id, hidden: !box.checked });
      });
      nodes.update(updates);
      showCounts();
    });
    var swatch = document.createElement("span");
    swatch.className = "kkg-swatch";
    swatch.style.background = c.color;
    if (c.shape === "dot") swatch.style.borderRadius = "50%";
    var name = document.createElement("span");
    name.textContent = c.label;
    var count = document.createElement("span");
    count.className = "kkg-count";
    count.textContent = String(c.count);
    label.append(box, swatch, name, count);
    classBox.appendChild(label);
  });
  var edgeBox = document.getElementById("kkg-edges");
  data.legend.edges.forEach(function (s) {
    var row = document.createElement("div");
    row.className = "kkg-row";
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "36");
    svg.setAttribute("height", "10");
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", "0"); line.setAttribute("y1", "5");
    line.setAttribute("x2", "36"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", s.color);
    line.setAttribute("stroke-width", "2");
    if (s.dashes) line.setAttribute("stroke-dasharray", s.dashes.join(" "));
    svg.appendChild(line);
    var name = document.createElement("span");
    name.textContent = s.label;
    row.append(svg, name);
    edgeBox.appendChild(row);
  });

  function showCounts() {
    var shown = data.nodes.filter(function (n) { return !hidden[n.kind]; }).length;
    document.getElementById("kkg-counts").textContent =
      shown + " of " + data.nodes.length + " actors, " + data.edges.length + " edges";
  }
  showCounts();

  // Search by label or alias: exact match first, then prefix, then substring.
  var names = document.getElementById("kkg-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) {
      if (seen[name]) return;
      seen[name] = true;
      var option = document.createElement("option");
      option.value = name;
      names.appendChild(option);
    });
  });

  function find(query) {
    var q = norm(query);
    if (!q) return null;
    var tests = [
      function (k) { return k === q; },
      function (k) { return k.indexOf(q) === 0; },
      function (k) { return k.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < data.nodes.length; i++) {
        if (data.nodes[i].keys.some(tests[t])) return data.nodes[i];
      }
    }
    return null;
  }

  var status = document.getElementById("kkg-status");
  function search(query) {
    var hit = find(query);
    if (!hit) {
      status.textContent = "not found";
      network.unselectAll();
      state.selected = null;
      return null;
    }
    if (hidden[hit.kind]) {
      // Show the class again rather than select an invisible node.
      var box = classBox.querySelector('input[value="' + hit.kind + '"]');
      if (box) { box.checked = true; box.dispatchEvent(new Event("change")); }
    }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.2, animation: false });
    status.textContent = hit.label + " (" + hit.kind + ")";
    state.selected = hit.id;
    return hit.id;
  }
  document.getElementById("kkg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("kkg-search").value);
  });

  window.kamerkg = { network: network, nodes: nodes, edges: edges, state: state,
                     search: search, data: data };
})();
