// Sekisho maritime map: offline basemap (Natural Earth land), live vessels, alerts, port calls,
// camera sites; on a vessel page, the vessel's track.
(function () {
  const el = document.getElementById('map');
  if (!el || !window.L) { return; }
  const map = L.map(el, { worldCopyJump: true }).setView([35.0, 139.8], 8);
  const get = (url) => fetch(url, { credentials: 'same-origin' }).then((r) => r.ok ? r.json() : Promise.reject(r.status));
  get('/assets/maritime/land.geojson').then((land) => {
    L.geoJSON(land, { style: { color: '#7a6a4f', weight: 1, fillColor: '#efe6d2', fillOpacity: 1 }, interactive: false }).addTo(map);
  });
  get('/api/maritime/ports').then((ports) => {
    L.geoJSON(ports, { style: { color: '#1f5fa8', weight: 1, dashArray: '3' } })
      .bindTooltip((layer) => layer.feature.properties.locode + ' ' + layer.feature.properties.name)
      .addTo(map);
  });
  const text = (node, s) => { node.textContent = s; return node; };
  const mmsi = el.dataset.mmsi;
  if (mmsi) {
    get('/api/maritime/vessels/' + mmsi + '/track').then((t) => {
      const pts = t.positions.map((p) => [p.lat, p.lon]);
      if (pts.length) {
        const line = L.polyline(pts, { color: '#c0392b' }).addTo(map);
        L.circleMarker(pts[pts.length - 1], { radius: 6 }).addTo(map);
        map.fitBounds(line.getBounds(), { maxZoom: 12 });
        const button = document.getElementById('replay-track');
        if (button) {
          // tracks replay: a marker walks the stored positions, 20 per second
          button.addEventListener('click', () => {
            let i = 0;
            const marker = L.circleMarker(pts[0], { radius: 7, color: '#8e44ad', className: 'replay-marker' }).addTo(map);
            const clock = document.getElementById('replay-time');
            const timer = setInterval(() => {
              i = Math.min(i + 1, pts.length - 1);
              marker.setLatLng(pts[i]);
              clock.textContent = t.positions[i].time;
              if (i === pts.length - 1) { clearInterval(timer); }
            }, 50);
          });
        }
      }
    });
    return;
  }
  const vesselLayer = L.layerGroup().addTo(map);
  const alertLayer = L.layerGroup().addTo(map);
  get('/api/maritime/sites').then((sites) => {
    const list = document.getElementById('sites');
    sites.forEach((s) => {
      L.marker([s.lat, s.lon], { title: s.name }).addTo(map).bindPopup('camera ' + s.name);
      list.appendChild(text(document.createElement('li'), s.name));
    });
  });
  let fitted = false;
  function refresh() {
    get('/api/maritime/vessels').then((vs) => {
      vesselLayer.clearLayers();
      document.getElementById('vessel-count').textContent = vs.length;
      const bounds = [];
      vs.forEach((v) => {
        if (v.lat == null) { return; }
        bounds.push([v.lat, v.lon]);
        const m = L.circleMarker([v.lat, v.lon], { radius: 5, color: v.shipType === 30 ? '#e67e22' : '#2c3e50', className: 'vessel-marker' });
        m.bindPopup('<a href="/maritime/vessels/' + v.mmsi + '">' + (v.name || v.mmsi) + '</a>');
        m.addTo(vesselLayer);
      });
      if (!fitted && bounds.length) { map.fitBounds(bounds, { maxZoom: 10 }); fitted = true; }
    });
    get('/api/maritime/alerts?limit=50').then((as) => {
      alertLayer.clearLayers();
      const list = document.getElementById('alerts');
      list.replaceChildren();
      as.forEach((a) => {
        const li = document.createElement('li');
        li.className = 'alert alert-' + a.kind;
        li.dataset.kind = a.kind;
        let s = a.kind + ': ' + a.summary;
        if (a.nearestBoats && a.nearestBoats.length) {
          const b = a.nearestBoats[0];
          s += ' — ' + b.name + ' ' + b.distanceNm + ' nm' + (b.etaMinutes != null ? ', ETA ' + b.etaMinutes + ' min' : '');
        }
        list.appendChild(text(li, s));
        if (a.lat != null) {
          L.circle([a.lat, a.lon], { radius: 800, color: '#c0392b', className: 'alert-marker' }).addTo(alertLayer).bindPopup(s);
        }
      });
    });
    get('/api/maritime/port-calls?limit=50').then((cs) => {
      const list = document.getElementById('port-calls');
      list.replaceChildren();
      cs.forEach((c) => {
        const li = document.createElement('li');
        li.className = 'port-call';
        list.appendChild(text(li, c.time + ' ' + c.mmsi + ' ' + c.direction + ' ' + c.portName + ' (' + c.locode + ')'));
      });
    });
  }
  refresh();
  setInterval(refresh, 3000);
})();
