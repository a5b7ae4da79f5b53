// Integrated kiosk: passport -> declaration QR -> face -> result. Camera frames are sent to the
// server, which decodes the QR (ZXing) and decides; nothing is kept in the browser afterwards.
(function () {
  "use strict";
  const root = document.getElementById("kiosk");
  if (!root) return;
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  const msg = (k) => root.dataset["msg" + k] || k;
  const $ = (id) => document.getElementById(id);
  const canvas = $("frame");
  const state = { mrz: [], chip: null, qrText: null, stream: null, scanning: false, busy: false, requestId: null };
  // Counts travellers: an answer that arrives after the kiosk was reset (cancelled, or idle) belongs
  // to someone who has gone and is dropped, never shown to or decided for the next person.
  let generation = 0;

  // Nothing of a traveller who walks away may be kept for the next one (whose QR would be decided on
  // the previous passport): after this long without a touch or a key the kiosk clears everything
  // and goes back to the start. 60 s leaves time to find a QR on a phone; the page sets it
  // (data-idle-after, from the server) and a test may shorten it.
  const IDLE_SECONDS = 60;
  let idleTimer = null;
  function idleSeconds() {
    const n = parseInt(root.dataset.idleAfter || "", 10);
    return n > 0 ? n : IDLE_SECONDS;
  }
  function armIdle() {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      // a decision being made is let finish: its result clears itself
      if (state.busy) armIdle();
      else nextTraveller();
    }, idleSeconds() * 1000);
  }
  for (const type of ["pointerdown", "touchstart", "keydown", "input", "change"]) {
    document.addEventListener(type, armIdle, true);
  }

  // The kiosk's own id for one traveller's capture: sent again when the request is tried again (its
  // answer lost), so that the server takes it for the same capture, not a second use of the QR.
  function newRequestId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function show(step) {
    root.dataset.step = step;
    for (const s of root.querySelectorAll(".step")) s.hidden = s.id !== "step-" + step;
    for (const li of root.querySelectorAll(".steps li")) li.classList.toggle("active", li.dataset.for === step);
  }

  async function camera(video) {
    try {
      if (!state.stream) {
        state.stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
      }
      video.srcObject = state.stream;
      await video.play();
      return true;
    } catch (e) {
      return false;
    }
  }

  function stopCamera() {
    if (state.stream) {
      for (const t of state.stream.getTracks()) t.stop();
      state.stream = null;
    }
  }

  function grab(video, type) {
    if (!video.videoWidth) return Promise.resolve(null);
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const g = canvas.getContext("2d");
    g.drawImage(video, 0, 0);
    return new Promise((resolve) => canvas.toBlob((b) => { g.clearRect(0, 0, canvas.width, canvas.height); resolve(b); }, type, 0.92));
  }

  function blobToDataUrl(blob) {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result);
      r.onerror = reject;
      r.readAsDataURL(blob);
    });
  }

  async function post(url, body, type) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": type, "X-CSRF-Token": csrf, "Accept": "application/json" },
      body: body,
      credentials: "same-origin",
    });
    const json = await res.json();
    if (!res.ok) {
      const err = new Error(json.message || ("HTTP " + res.status));
      err.field = json.field || "";
      throw err;
    }
    return json;
  }

  // A refusal the traveller can act on, in the kiosk's language: the server's text is English and
  // for officers, so it is shown only where no worded message exists (with the generic lead-in).
  const FIELD_MESSAGES = [
    ["immigration.intendedStayDays", "msgFieldStay"],
    ["immigration.purposeOfVisit", "msgFieldPurpose"],
    ["mrz", "msgFieldMrz"],
    ["chip", "msgFieldChip"],
    ["faceImage", "msgFieldFace"],
  ];
  function explain(e) {
    for (const [field, key] of FIELD_MESSAGES) {
      if (e.field && (e.field === field || e.field.startsWith(field + "[") || e.field.startsWith(field + ".")) && root.dataset[key]) {
        return root.dataset[key];
      }
    }
    return msg("Error") + " " + e.message;
  }

  // Step 1: passport (MRZ from the document reader, chip files) and the immigration items.
  $("passport-next").addEventListener("click", async () => {
    state.mrz = $("mrz").value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    if (state.mrz.length === 0) { $("mrz").focus(); return; }
    const chipFile = $("chip-file").files[0];
    try {
      state.chip = chipFile ? JSON.parse(await chipFile.text()) : null;
    } catch (e) {
      state.chip = null; // an unreadable chip file is the same as an unread chip: referred
    }
    show("qr");
    $("qr-status").textContent = msg("Scanning");
    if (await camera($("qr-video"))) scanQr();
    else $("qr-status").textContent = msg("Nocamera");
  });

  // Step 2: the declaration QR, read from camera frames until one holds a QR.
  async function tryQr(blob) {
    if (!blob) return false;
    const mine = generation;
    const r = await post("/api/egate/qr", blob, blob.type || "image/jpeg");
    if (mine !== generation) return true; // the traveller cancelled or left meanwhile
    if (!r.found) return false;
    state.qrText = r.text;
    // A QR that fails verification still goes to the decision, which refers the traveller.
    $("qr-status").textContent = r.verified ? msg("Found") : msg("Refused");
    state.scanning = false;
    setTimeout(() => { if (mine === generation) toFace(); }, 400);
    return true;
  }
  async function scanQr() {
    state.scanning = true;
    const mine = generation;
    while (state.scanning && root.dataset.step === "qr" && mine === generation) {
      try {
        if (await tryQr(await grab($("qr-video"), "image/jpeg"))) return;
      } catch (e) {
        $("qr-status").textContent = explain(e);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  $("qr-file").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    state.scanning = false;
    try {
      if (!(await tryQr(f))) $("qr-status").textContent = msg("Scanning");
    } catch (err) {
      $("qr-status").textContent = msg("Error") + " " + err.message;
    }
  });

  async function toFace() {
    show("face");
    await camera($("face-video"));
  }

  // A traveller without a declaration QR goes on: the gate then refers them to an officer, who
  // takes the declaration (the decision's DECLARATION_INVALID, qr-missing); the screen says so.
  $("no-qr").addEventListener("click", () => {
    state.scanning = false;
    state.qrText = null;
    $("face-note").textContent = msg("Noqr");
    toFace();
  });

  // Step 3: the live face, then the decision.
  async function decide(faceBlob) {
    if (state.busy) return;
    state.busy = true;
    const mine = generation;
    $("face-status").textContent = msg("Deciding");
    try {
      const face = faceBlob ? await blobToDataUrl(faceBlob) : null;
      if (!state.requestId) state.requestId = newRequestId();
      const body = {
        requestId: state.requestId,
        mrz: state.mrz,
        chip: state.chip,
        qrText: state.qrText,
        faceImage: face,
        immigration: {
          purposeOfVisit: $("purpose-of-visit").value,
          intendedStayDays: parseInt($("intended-stay").value || "0", 10),
          deportationOrRefusalHistory: $("deportation-history").checked,
          criminalConviction: $("criminal-conviction").checked,
          carryingProhibitedItems: $("prohibited-items").checked,
        },
      };
      const r = await post("/api/egate/decisions", JSON.stringify(body), "application/json");
      if (mine !== generation) return; // reset meanwhile: not for the person now in front
      stopCamera();
      showResult(r);
    } catch (e) {
      if (mine === generation) $("face-status").textContent = explain(e);
    } finally {
      state.busy = false;
    }
  }
  $("face-capture").addEventListener("click", async () => decide(await grab($("face-video"), "image/jpeg")));
  $("face-file").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (f) decide(f);
  });

  // Step 4: the result. The traveller sees only the instruction and a reference: the reasons,
  // scores, models and any screening hit are for the officer (GET /api/egate/arrivals/{id}).
  let clearTimer = null;
  function showResult(r) {
    clearTraveller();
    const h = $("result");
    h.dataset.decision = r.decision;
    h.textContent = r.decisionText;
    h.className = r.decision === "pass" ? "pass" : "referred";
    $("result-records").textContent = r.captureId;
    show("result");
    // The next person in the queue must not see this screen.
    const seconds = parseInt(root.dataset.clearAfter || "15", 10);
    clearTimer = setTimeout(nextTraveller, seconds * 1000);
  }

  // Nothing of one traveller stays in the page for the next: passport, chip, QR, face and every
  // immigration answer go back to the page's defaults.
  function clearTraveller() {
    state.mrz = []; state.chip = null; state.qrText = null; state.scanning = false; state.requestId = null;
    $("mrz").value = ""; $("chip-file").value = ""; $("qr-file").value = ""; $("face-file").value = "";
    const purpose = $("purpose-of-visit");
    purpose.selectedIndex = 0;
    for (const o of purpose.options) if (o.defaultSelected) o.selected = true;
    $("intended-stay").value = $("intended-stay").defaultValue;
    for (const id of ["deportation-history", "criminal-conviction", "prohibited-items"]) $(id).checked = false;
    $("qr-status").textContent = ""; $("face-status").textContent = ""; $("face-note").textContent = "";
  }

  function nextTraveller() {
    generation++;
    if (clearTimer) { clearTimeout(clearTimer); clearTimer = null; }
    if (idleTimer) { clearTimeout(idleTimer); idleTimer = null; }
    clearTraveller();
    stopCamera();
    const h = $("result");
    h.dataset.decision = ""; h.textContent = ""; h.className = "";
    $("result-records").textContent = "";
    show("passport");
  }
  $("next-traveller").addEventListener("click", nextTraveller);
  // "Cancel / start again" on every step after the first: the traveller, or the next one, wipes
  // what is held and starts over.
  for (const b of root.querySelectorAll("button.restart")) b.addEventListener("click", nextTraveller);

  show("passport");
})();
