// Sekisho maritime map: offline basemap (Natural Earth land), live vessels, ranked alerts with the
// nearest patrol boats and ETA, port calls, camera sites with their fields of view, sightings
// (dark vessels marked), patrol boats, and forms to report sightings, patrol positions and (for
// administrators) camera sites; on a vessel page, the vessel's track and its replay.
// Every string that comes from data (names of vessels, boats, sites, notes) goes into the page as
// text (textContent, or a text-only element handed to Leaflet), never as HTML: a boat named
// <img onerror=...> shows as that text and runs nothing. The page's Content-Security-Policy
// refuses inline script as a second line.
(function () {
  const el = document.getElementById('map');
  if (!el || !window.L) { return; }
  const map = L.map(el, { worldCopyJump: true }).setView([35.0, 139.8], 8);
  const get = (url) => fetch(url, { credentials: 'same-origin' }).then((r) => r.ok ? r.json() : Promise.reject(r.status));
  get('/assets/maritime/land.geojson').then((land) => {
    L.geoJSON(land, { style: { color: '#7a6a4f', weight: 1, fillColor: '#efe6d2', fillOpacity: 1 }, interactive: false }).addTo(map);
  });
  const text = (node, s) => { node.textContent = s; return node; };
  // Leaflet's tooltips and popups take a string as HTML: they get this text-only element instead
  const plain = (s) => text(document.createElement('span'), s == null ? '' : String(s));
  get('/api/maritime/ports').then((ports) => {
    L.geoJSON(ports, { style: { color: '#1f5fa8', weight: 1, dashArray: '3' } })
      .bindTooltip((layer) => plain(layer.feature.properties.locode + ' ' + layer.feature.properties.name))
      .addTo(map);
  });
  // times are shown and entered in the administration's zone (SEKISHO_ZONE), as on every page
  const zoneEl = document.getElementById('maritime-labels') || document.getElementById('maritime-zone');
  const zone = (zoneEl && zoneEl.dataset.zone) || 'Asia/Tokyo';
  // the zone's name as the server writes it (JST), not the browser's (GMT+9)
  const zoneName = (zoneEl && zoneEl.dataset.zoneName) || '';
  const localTime = (iso) => {
    if (!iso) { return ''; }
    const f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return f.format(new Date(iso)) + (zoneName ? ' ' + zoneName : '');
  };
  const localInput = (d) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
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
              clock.textContent = t.positions[i].time + ' (' + localTime(t.positions[i].time) + ')';
              if (i === pts.length - 1) { clearInterval(timer); }
            }, 50);
          });
        }
      }
    });
    return;
  }
  const labels = document.getElementById('maritime-labels').dataset;
  const kindLabel = (k) => {
    const e = document.querySelector('#maritime-labels .kind-label[data-kind="' + k + '"]');
    return e ? e.textContent : k;
  };
  const vesselLayer = L.layerGroup().addTo(map);
  const alertLayer = L.layerGroup().addTo(map);
  // the passage of the first boat to the alert chosen in the list (the most urgent one until then)
  const routeLayer = L.layerGroup().addTo(map);
  let chosenAlert = null;
  const showRoute = (boat) => {
    routeLayer.clearLayers();
    // to where it meets a vessel under way, else to where the vessel was last heard
    const route = boat && boat.intercept ? boat.intercept.route : boat && boat.route;
    if (route && route.length > 1 && !boat.onScene && (boat.intercept || boat.etaBasis === 'sea')) {
      L.polyline(route, { color: '#1f5fa8', weight: 2, dashArray: '6 4', className: 'boat-route' })
        .addTo(routeLayer);
    }
  };
  const siteLayer = L.layerGroup().addTo(map);
  const patrolLayer = L.layerGroup().addTo(map);
  const sightingLayer = L.layerGroup().addTo(map);
  L.control.layers(null, {
    [labels.layerVessels]: vesselLayer,
    [labels.layerAlerts]: alertLayer,
    [labels.layerCameras]: siteLayer,
    [labels.layerPatrols]: patrolLayer,
    [labels.layerSightings]: sightingLayer,
  }, { collapsed: true }).addTo(map);
  // degrees and decimal minutes, as positions are read out by radio: 34°38.7′N 139°50.1′E
  const dm = (v, pos, neg) => {
    const a = Math.abs(v);
    let d = Math.floor(a);
    let m = Math.round((a - d) * 600) / 10;
    if (m >= 60) { d += 1; m = 0; }
    return d + '°' + m.toFixed(1) + '′' + (v < 0 ? neg : pos);
  };
  const dmPos = (lat, lon) => dm(lat, 'N', 'S') + ' ' + dm(lon, 'E', 'W');
  const fill = (pattern, ...args) => args.reduce((s, a, i) => s.split('{' + i + '}').join(a), pattern);
  const who = (name, id) => (name ? name + ' (' + id + ')' : 'MMSI ' + id);
  // an alert in the reader's language: the server composes it from its facts through the bundles
  function summary(a) {
    const t = a.text || a.summary;
    return a.kind === 'dark-vessel' ? fill(labels.sumDark, t, localTime(a.time)) : t;
  }
  // a length as the picture's age is written: "10 h 37 min", "10 時間 37 分", "8 d 5 h"
  function dur(minutes) {
    const m = Math.max(0, Math.floor(minutes));
    if (m >= 24 * 60) { return fill(labels.durDays, String(Math.floor(m / 1440)), String(Math.floor((m % 1440) / 60))); }
    if (m >= 60) { return fill(labels.durHours, String(Math.floor(m / 60)), String(m % 60)); }
    return fill(labels.durMinutes, String(m));
  }
  // a position with its hemispheres: 30.001°N 179.999°W
  const pos = (lat, lon) => Math.abs(lat).toFixed(3) + '°' + (lat < 0 ? 'S' : 'N') + ' ' + Math.abs(lon).toFixed(3) + '°' + (lon < 0 ? 'W' : 'E');
  const statusLabel = (s) => labels['status' + s.charAt(0).toUpperCase() + s.slice(1)] || s;
  // a refused status change stays shown by its alert across the list's refreshes for a while
  const alertErrors = {};
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  const post = (url, body) => fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: JSON.stringify(body),
  }).then((r) => r.json().then((j) => (r.ok ? j : Promise.reject(j))));

  // a camera's field of view: a sector from the site, bearing +/- fov/2, out to its range
  function fieldOfView(s) {
    const pts = [[s.lat, s.lon]];
    const steps = 24;
    const r = s.rangeNm / 60;
    const coslat = Math.max(0.05, Math.cos(s.lat * Math.PI / 180));
    const from = s.bearingDeg - s.fovDeg / 2;
    for (let i = 0; i <= steps; i++) {
      const b = (from + s.fovDeg * i / steps) * Math.PI / 180;
      pts.push([s.lat + Math.cos(b) * r, s.lon + Math.sin(b) * r / coslat]);
    }
    return pts;
  }
  function loadSites() {
    return get('/api/maritime/sites').then((sites) => {
      siteLayer.clearLayers();
      const list = document.getElementById('sites');
      list.replaceChildren();
      const select = document.getElementById('sighting-site');
      if (select) { select.replaceChildren(); }
      // no camera site yet: the form says an administrator sets one up, and cannot be sent
      const none = document.getElementById('no-sites');
      if (none) { none.hidden = sites.length > 0; }
      const send = document.getElementById('sighting-submit');
      if (send) { send.disabled = sites.length === 0; }
      sites.forEach((s) => {
        L.polygon(fieldOfView(s), { color: '#16a085', weight: 1, fillOpacity: 0.12, className: 'camera-fov' })
          .addTo(siteLayer).bindTooltip(plain(s.name));
        L.circleMarker([s.lat, s.lon], { radius: 6, color: '#16a085', fillOpacity: 1, className: 'camera-site' })
          .addTo(siteLayer).bindPopup(plain(labels.layerCameras + ': ' + s.name + ' (' + s.id + '): ' + s.bearingDeg + '° ± ' + (s.fovDeg / 2) + '°, ' + fill(labels.nm, s.rangeNm)));
        const li = text(document.createElement('li'), s.name + ' (' + s.id + ')');
        li.className = 'camera-site-item';
        list.appendChild(li);
        if (select) {
          const o = text(document.createElement('option'), s.name);
          o.value = s.id;
          select.appendChild(o);
        }
      });
    });
  }
  loadSites();
  let fitted = false;
  const names = {};
  // a vessel by name and MMSI, linked to its page
  const vesselLink = (name, id) => {
    const link = text(document.createElement('a'), who(name, id));
    link.href = '/maritime/vessels/' + encodeURIComponent(id);
    return link;
  };
  function refresh() {
    // how old the picture is, kept current while the page stays open
    get('/api/maritime/picture').then((p) => {
      const line = document.getElementById('picture-age');
      if (line) {
        line.textContent = p.text;
        line.dataset.stale = p.stale === false ? 'false' : 'true';
        line.className = p.stale === false ? '' : 'picture-stale';
      }
    });
    get('/api/maritime/vessels').then((vs) => {
      vesselLayer.clearLayers();
      vs.forEach((v) => { if (v.name) { names[v.mmsi] = v.name; } });
      document.getElementById('vessel-count').textContent = vs.length;
      const bounds = [];
      vs.forEach((v) => {
        if (v.lat == null) { return; }
        bounds.push([v.lat, v.lon]);
        const stale = v.ageMinutes > 60;
        const m = L.circleMarker([v.lat, v.lon], { radius: 5, color: v.shipType === 30 ? '#e67e22' : '#2c3e50', opacity: stale ? 0.4 : 1, fillOpacity: stale ? 0.1 : 0.2, className: 'vessel-marker' });
        const pop = document.createElement('div');
        pop.appendChild(vesselLink(v.name, v.mmsi));
        pop.appendChild(text(document.createElement('div'), localTime(v.lastSeen)));
        if (stale) { pop.appendChild(text(document.createElement('div'), fill(labels.staleFor, dur(v.ageMinutes)))).className = 'vessel-stale'; }
        m.bindPopup(pop);
        m.addTo(vesselLayer);
      });
      if (!fitted && bounds.length) { map.fitBounds(bounds, { maxZoom: 10 }); fitted = true; }
    });
    // one line per incident (related alerts of the same vessels, time and place), its lead
    // alert first and the other parts below it; acknowledging or closing covers them all
    get('/api/maritime/incidents?limit=50').then((as) => {
      // an officer typing a note keeps the list as it is until the note is sent
      const typing = document.activeElement && document.activeElement.classList.contains('alert-note');
      if (typing) { return; }
      alertLayer.clearLayers();
      const list = document.getElementById('alerts');
      list.replaceChildren();
      const chosen = as.find((a) => a.id === chosenAlert) || as[0];
      showRoute(chosen && chosen.nearestBoats && chosen.nearestBoats[0]);
      as.forEach((a) => {
        const li = document.createElement('li');
        li.className = 'alert incident alert-' + a.kind;
        li.dataset.kind = a.kind;
        li.dataset.rank = a.rank;
        li.dataset.id = a.id;
        li.dataset.parts = a.parts.length;
        li.appendChild(text(document.createElement('span'), kindLabel(a.kind))).className = 'kind';
        li.appendChild(document.createTextNode(': '));
        // the sentence as the server wrote it in the reader's language, its vessel a link where the
        // language puts the vessel's name
        const sum = li.appendChild(document.createElement('span'));
        sum.className = 'alert-summary';
        if (a.mmsi != null && a.textBefore != null) {
          sum.appendChild(document.createTextNode(a.textBefore));
          const link = vesselLink(a.vesselName, a.mmsi);
          link.className = 'alert-vessel';
          sum.appendChild(link);
          sum.appendChild(document.createTextNode(a.textAfter));
        } else {
          if (a.mmsi != null) {
            const link = vesselLink(a.vesselName, a.mmsi);
            link.className = 'alert-vessel';
            li.insertBefore(link, sum);
            li.insertBefore(document.createTextNode(' — '), sum);
          }
          text(sum, summary(a));
        }
        li.appendChild(document.createTextNode(' (' + labels.score + ' ' + a.score + ')'));
        const when = text(document.createElement('div'), localTime(a.time) + (a.lat != null ? ' · ' + pos(a.lat, a.lon) : '') +
          (a.duration != null ? ' · ' + labels.for + ' ' + a.duration : ''));
        when.className = 'alert-when';
        li.appendChild(when);
        if (a.status === 'acknowledged' || a.status === 'closed') {
          li.appendChild(text(document.createElement('div'), (a.status === 'closed' ? labels.closed : labels.acked) + ' ' + a.statusBy + ' ' + localTime(a.statusAt))).className = 'alert-acked';
        }
        if (a.statusNote) {
          li.appendChild(text(document.createElement('div'), '“' + a.statusNote + '” — ' + a.statusBy + ', ' + localTime(a.statusAt))).className = 'alert-note-text';
        }
        // every status change, oldest first: a later change never hides an earlier note
        if (a.history && a.history.length) {
          const h = document.createElement('ul');
          h.className = 'alert-history';
          h.setAttribute('aria-label', labels.history);
          a.history.forEach((c) => {
            const hl = text(document.createElement('li'), fill(labels.historyLine, statusLabel(c.status), c.by, localTime(c.at)) + (c.note ? ': “' + c.note + '”' : ''));
            hl.className = 'alert-history-item';
            hl.dataset.status = c.status;
            hl.dataset.version = c.version;
            h.appendChild(hl);
          });
          li.appendChild(h);
        }
        const refused = alertErrors[a.id];
        if (refused && refused.until > Date.now()) {
          const e = text(document.createElement('div'), refused.text);
          e.className = 'alert-error';
          e.setAttribute('role', 'alert');
          li.appendChild(e);
        }
        if (labels.mayStatus === 'true') {
          const note = document.createElement('input');
          note.className = 'alert-note';
          note.maxLength = 1000;
          note.placeholder = labels.note;
          note.setAttribute('aria-label', labels.note);
          note.addEventListener('click', (ev) => ev.stopPropagation());
          li.appendChild(note);
          [['acknowledged', labels.ack], ['closed', labels.close]].forEach(([status, label]) => {
            if (status === a.status) { return; }
            const b = text(document.createElement('button'), label);
            b.type = 'button';
            b.className = 'alert-' + status;
            b.addEventListener('click', (ev) => {
              ev.stopPropagation();
              const body = { status };
              if (note.value.trim() !== '') { body.note = note.value.trim(); }
              // closing needs a note (the server refuses it without one): say so at the field
              if (status === 'closed' && !body.note) {
                note.setAttribute('aria-invalid', 'true');
                note.placeholder = labels.noteRequired;
                note.focus();
                return;
              }
              // the version read: a change made meanwhile by someone else is refused (409), not undone
              body.expectedVersion = a.version;
              delete alertErrors[a.id];
              post('/api/maritime/incidents/' + a.id + '/status', body).then(() => { note.value = ''; note.blur(); refresh(); }, (e) => {
                const changed = e.error === 'conflict' && e.field === 'expectedVersion';
                alertErrors[a.id] = { text: labels.error + ': ' + (changed ? labels.conflict + ' ' : '') + (e.message || e.error || e), until: Date.now() + 60000 };
                note.blur();
                refresh();
              });
            });
            li.appendChild(b);
          });
        }
        if (a.parts.length > 1) {
          const parts = document.createElement('ul');
          parts.className = 'incident-parts';
          parts.setAttribute('aria-label', labels.parts);
          a.parts.slice(1).forEach((p) => {
            const pl = text(document.createElement('li'), kindLabel(p.kind) + ': ' + summary(p) + ' (' + localTime(p.time) + ')');
            pl.className = 'incident-part alert-' + p.kind;
            pl.dataset.kind = p.kind;
            pl.dataset.id = p.id;
            parts.appendChild(pl);
          });
          li.appendChild(parts);
        }
        let popup = kindLabel(a.kind) + ': ' + summary(a);
        if (a.tasking && a.tasking.mmsi != null) {
          // the boats' distances go to where the vessel is now, not to where the alert began
          li.appendChild(text(document.createElement('div'), fill(labels.tasking, who(a.tasking.vesselName, a.tasking.mmsi),
            localTime(a.tasking.time) + ' · ' + pos(a.tasking.lat, a.tasking.lon), a.tasking.age) +
            (a.tasking.speedKnots >= 1 && a.tasking.courseDeg != null ? ' — ' + fill(labels.underway, a.tasking.speedKnots, Math.round(a.tasking.courseDeg)) : ''))).className = 'alert-tasking';
        }
        const boats = document.createElement('ul');
        boats.className = 'boats';
        if (a.nearestBoats && a.nearestBoats.length) {
          a.nearestBoats.forEach((b) => {
            const s = b.name + ' (' + b.id + ') ' + fill(labels.nm, b.distanceNm) +
              (b.onScene ? ', ' + labels.onscene : '') +
              (b.etaMinutes != null ? ', ' + labels.eta + ' ' + dur(b.etaMinutes) +
                (b.onScene ? '' : ' (' + (b.etaBasis === 'no-sea-route' ? labels.nosearoute : labels.bysea) +
                  (b.etaAtLocal ? '; ' + b.etaAtLocal + ' ' + labels.ifsentnow : '') + ')') : '') +
              (b.intercept ? ', ' + fill(labels.meets, dmPos(b.intercept.lat, b.intercept.lon), dur(b.intercept.etaMinutes), b.intercept.atLocal)
                : (!b.onScene && a.tasking && a.tasking.mmsi != null && a.tasking.speedKnots >= 1 ? ' (' + labels.nomeeting + ')' : '')) +
              (b.speedAssumed ? ' (' + fill(labels.assumed, b.responseKnots) + ')' : '') +
              (b.positionAgeMinutes ? ', ' + fill(labels.ageValue, dur(b.positionAgeMinutes)) : '');
            const bl = text(document.createElement('li'), s);
            bl.className = 'nearest-boat';
            boats.appendChild(bl);
          });
          popup += ' — ' + labels.nearest + ': ' + boats.firstChild.textContent;
        } else if (a.lat != null) {
          boats.appendChild(text(document.createElement('li'), labels.noboats));
        }
        li.appendChild(boats);
        list.appendChild(li);
        // every part keeps its own place on the map; the line leads to the lead's
        a.parts.forEach((p, i) => {
          if (p.lat == null) { return; }
          const dark = p.kind === 'dark-vessel';
          const marker = L.circle([p.lat, p.lon], {
            radius: dark ? 1200 : 800,
            color: dark ? '#8b0000' : (p.kind === 'port-call' ? '#1f5fa8' : '#c0392b'),
            className: 'alert-marker alert-marker-' + p.kind,
          }).addTo(alertLayer);
          marker.bindPopup(plain(i === 0 ? popup : kindLabel(p.kind) + ': ' + summary(p)));
          if (i === 0) {
            li.addEventListener('click', () => {
              chosenAlert = a.id;
              showRoute(a.nearestBoats && a.nearestBoats[0]);
              map.setView([p.lat, p.lon], Math.max(map.getZoom(), 10));
              marker.openPopup();
            });
          }
        });
      });
    });
    get('/api/maritime/port-calls?limit=50').then((cs) => {
      const list = document.getElementById('port-calls');
      list.replaceChildren();
      cs.forEach((c) => {
        const li = document.createElement('li');
        li.className = 'port-call';
        const direction = c.direction === 'arrival' ? labels.arrival : (c.direction === 'departure' ? labels.departure : c.direction);
        li.dataset.direction = c.direction;
        li.appendChild(document.createTextNode(localTime(c.time) + ' '));
        li.appendChild(vesselLink(names[c.mmsi], c.mmsi)).className = 'port-call-vessel';
        li.appendChild(document.createTextNode(' ' + direction + ' ' + c.portName + ' (' + c.locode + ')'));
        list.appendChild(li);
      });
    });
    get('/api/maritime/patrols').then((ps) => {
      // an officer typing why a boat is stood down keeps the list as it is until it is sent
      const typing = document.activeElement && document.activeElement.classList.contains('patrol-standdown-reason');
      if (typing) { return; }
      patrolLayer.clearLayers();
      const list = document.getElementById('patrols');
      list.replaceChildren();
      ps.forEach((p) => {
        L.circleMarker([p.lat, p.lon], { radius: 7, color: '#27ae60', weight: 3, opacity: p.stale ? 0.4 : 1, className: 'patrol-marker' })
          .addTo(patrolLayer).bindTooltip(plain(p.name + ' ' + fill(labels.kn, p.speedKnots)));
        const li = text(document.createElement('li'), p.name + ' (' + p.id + ') ' + fill(labels.kn, p.speedKnots) + ', ' + localTime(p.time) +
          (p.stale ? ' — ' + labels.patrolStale : ''));
        li.className = p.stale ? 'patrol-boat patrol-stale' : 'patrol-boat';
        li.dataset.id = p.id;
        if (labels.mayReport === 'true') { li.append(' ', ...standDown(p)); }
        list.appendChild(li);
      });
    });
    get('/api/maritime/sightings?limit=50').then((ss) => {
      sightingLayer.clearLayers();
      const list = document.getElementById('sightings');
      list.replaceChildren();
      ss.forEach((s) => {
        L.circleMarker([s.lat, s.lon], { radius: 5, color: s.dark ? '#8b0000' : '#7f8c8d', fillOpacity: 0.8, className: s.dark ? 'sighting-marker sighting-dark' : 'sighting-marker' })
          .addTo(sightingLayer).bindPopup(plain(localTime(s.time) + ' ' + s.siteId + ' ' + (s.vesselType || '') + (s.imageRef ? ' [' + s.imageRef + ']' : '')));
        const li = text(document.createElement('li'), localTime(s.time) + ' ' + s.siteId + ' ' + (s.vesselType || '') +
          (s.checked === false ? ' — ' + s.notChecked : (s.dark ? ' — ' + kindLabel('dark-vessel') : ' — MMSI ' + s.matchedMmsi)));
        li.className = s.checked === false ? 'sighting sighting-unchecked' : (s.dark ? 'sighting sighting-dark' : 'sighting');
        list.appendChild(li);
      });
    });
  }
  // a boat reported by mistake, laid up or off duty is stood down with a reason, through the same
  // route (and audit) as the API; a later position report puts it back on duty
  function standDown(p) {
    const reason = document.createElement('input');
    reason.className = 'patrol-standdown-reason';
    reason.maxLength = 500;
    reason.placeholder = labels.standdownReason;
    reason.setAttribute('aria-label', labels.standdownReason + ': ' + p.name + ' (' + p.id + ')');
    const b = text(document.createElement('button'), labels.standdown);
    b.type = 'button';
    b.className = 'patrol-standdown';
    const out = document.getElementById('patrol-standdown-result');
    b.addEventListener('click', () => {
      const why = reason.value.trim();
      if (why === '') {
        reason.setAttribute('aria-invalid', 'true');
        reason.placeholder = labels.standdownRequired;
        reason.focus();
        return;
      }
      out.className = '';
      out.textContent = '';
      post('/api/maritime/patrols/' + encodeURIComponent(p.id) + '/stand-down', { reason: why }).then((r) => {
        out.textContent = fill(labels.stooddown, r.name + ' (' + r.id + ')');
        reason.blur();
        refresh();
      }, (e) => {
        out.className = 'error';
        out.textContent = labels.error + ': ' + (e.message || e.error || e) + (e.field ? ' (' + e.field + ')' : '');
        reason.blur();
        refresh();
      });
    });
    return [reason, b];
  }
  function formObject(form) {
    const o = {};
    new FormData(form).forEach((v, k) => {
      const input = form.elements[k];
      const s = String(v).trim();
      if (s === '') { return; }
      // a ticked box is a flag (the patrol form's "new boat")
      o[k] = input && input.type === 'number' ? Number(s) : (input && input.type === 'checkbox' ? true : s);
    });
    return o;
  }
  function wire(formId, url, done) {
    const form = document.getElementById(formId);
    if (!form) { return; }
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const out = form.querySelector('[role=status]');
      out.textContent = '';
      out.className = '';
      post(url, formObject(form)).then((r) => {
        done(r, out);
        refresh();
      }, (e) => {
        out.className = 'error';
        out.textContent = labels.error + ': ' + (e.message || e.error || e) + (e.field ? ' (' + e.field + ')' : '');
      });
    });
  }
  // the sighting form starts at now in the administration's zone; the patrol form's blank time
  // means "now" on the server
  const timeInput = document.getElementById('sighting-time');
  if (timeInput) { timeInput.value = localInput(new Date()); }
  map.on('click', (ev) => {
    const lat = document.getElementById('sighting-lat');
    if (lat) {
      lat.value = ev.latlng.lat.toFixed(5);
      document.getElementById('sighting-lon').value = ev.latlng.lng.toFixed(5);
    }
  });
  wire('sighting-form', '/api/maritime/sightings', (r, out) => {
    if (r.checked === false) {
      // no AIS was received around its time: not a dark vessel, and no alert
      out.className = 'sighting-unchecked';
      out.textContent = r.notChecked;
      return;
    }
    out.className = r.dark ? 'sighting-dark' : 'sighting-explained';
    out.textContent = r.dark ? labels.dark : labels.explained + ' ' + r.matchedMmsi + ' (' + fill(labels.nm, r.distanceNm) + ')';
  });
  wire('patrol-form', '/api/maritime/patrols', (r, out) => {
    out.textContent = labels.saved;
    // registered: the boat's next reports are not new, and a typo in them must be refused
    const fresh = document.getElementById('patrol-new');
    if (fresh) { fresh.checked = false; }
  });
  wire('site-form', '/api/maritime/sites', (r, out) => { out.textContent = labels.saved; loadSites(); });
  refresh();
  setInterval(refresh, 3000);
})();
