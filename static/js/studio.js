// SketchDojo studio: the whole creator journey on one page, against the public API and the socket.
// User text only ever reaches the page through textContent / attribute setters, never as HTML.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "checked" || key === "disabled" || key === "hidden") node[key] = Boolean(value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

// Human labels for internal values: the same rule as sketchdojo/labels.py.
const SPECIAL_LABELS = { cbz: "CBZ", pdf: "PDF", html: "HTML", png: "PNG", sfx: "SFX" };
function label(value) {
  const text = String(value ?? "");
  if (SPECIAL_LABELS[text]) return SPECIAL_LABELS[text];
  const words = text.replace("close_up", "close-up").replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
window.sketchdojoLabel = label;

const BUBBLE_STYLES = ["normal", "thought", "shout", "whisper", "narration"];
const SHOTS = ["extreme_wide", "wide", "medium", "close_up", "extreme_close_up"];
const EXPORTS = [
  ["png", "PNG pages (.zip)", "Every page of the strip as a PNG image, in one .zip file"],
  ["pdf", "PDF", "One PDF document"],
  ["cbz", "CBZ", "A comic book archive for comic readers"],
  ["html", "HTML", "One web page with the panels inside"],
];

const state = {
  access: localStorage.getItem("sd.access"),
  refresh: localStorage.getItem("sd.refresh"),
  user: null,
  project: null,
  characters: [],
  webtoonId: null,
  webtoon: null,
  task: null,
  socket: null,
  lastSequence: {},
  furthestStep: {},
};

function toast(message, isError = false) {
  const box = $("#toast");
  box.textContent = message;
  box.classList.toggle("error", isError);
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), 4000);
}

function saveTokens(pair) {
  state.access = pair.access_token;
  state.refresh = pair.refresh_token;
  localStorage.setItem("sd.access", state.access);
  localStorage.setItem("sd.refresh", state.refresh);
}

function clearTokens() {
  state.access = state.refresh = null;
  localStorage.removeItem("sd.access");
  localStorage.removeItem("sd.refresh");
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `Request failed (${status})`);
    this.status = status;
    this.body = body;
  }
}

async function refreshTokens() {
  if (!state.refresh) return false;
  const response = await fetch("/api/v1/auth/refresh", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ refresh_token: state.refresh }),
  });
  if (!response.ok) return false;
  saveTokens(await response.json());
  return true;
}

// `body` is JSON, or a FormData (multipart: a reference image upload).
async function api(method, path, body, { raw = false, retried = false } = {}) {
  const headers = { Accept: "application/json" };
  if (state.access) headers.Authorization = `Bearer ${state.access}`;
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers["Content-Type"] = "application/json";
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (response.status === 401 && !retried && (await refreshTokens())) {
    return api(method, path, body, { raw, retried: true });
  }
  if (raw && response.ok) return response;
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

const items = (page) => (Array.isArray(page) ? page : page.items);

function formData(form) {
  return Object.fromEntries(new FormData(form).entries());
}

function flatten(value) {
  if (Array.isArray(value)) return value.map(flatten).filter(Boolean).join(" ");
  if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => `${label(k)}: ${flatten(v)}`).join(" ");
  return value ? String(value) : "";
}

function fieldDetails(error) {
  const details = (error instanceof ApiError && error.body && error.body.details) || {};
  return Object.fromEntries(
    Object.entries(details).filter(([key]) => !["request_id", "retry_after_seconds"].includes(key)),
  );
}

function describeError(error) {
  if (!(error instanceof ApiError) || !error.body) return String(error.message || error);
  const fields = Object.entries(fieldDetails(error)).map(([key, value]) => `${label(key)}: ${flatten(value)}`);
  return fields.length ? fields.join("; ") : error.body.message;
}

// Errors next to their fields: each `details` key goes under the input of that name in the form
// (a `.field-error[data-for=name]` if the form has one, else one made after the input's label).
function clearFormErrors(form) {
  for (const node of $$(".field-error", form)) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const input of $$("[aria-invalid]", form)) input.removeAttribute("aria-invalid");
  const general = $(".form-error", form);
  if (general) general.hidden = true;
}

function showFormErrors(form, error) {
  clearFormErrors(form);
  const details = fieldDetails(error);
  const unplaced = [];
  for (const [name, messages] of Object.entries(details)) {
    const input = form.elements[name];
    if (!input || !input.closest) {
      unplaced.push(`${label(name)}: ${flatten(messages)}`);
      continue;
    }
    input.setAttribute("aria-invalid", "true");
    let slot = $(`.field-error[data-for="${name}"]`, form);
    if (!slot) {
      slot = el("p", { class: "field-error error", dataset: { for: name } });
      (input.closest("label") || input).after(slot);
    }
    slot.textContent = flatten(messages);
    slot.hidden = false;
  }
  const general = $(".form-error", form);
  const message = unplaced.length ? unplaced.join("; ") : Object.keys(details).length ? "" : describeError(error);
  if (general && message) {
    general.textContent = message;
    general.hidden = false;
  } else if (message) {
    toast(message, true);
  }
  const first = $("[aria-invalid=true]", form);
  if (first) first.focus();
}

async function guarded(action) {
  try {
    return await action();
  } catch (error) {
    toast(describeError(error), true);
    if (error instanceof ApiError && error.status === 401) showSignedOut();
    return undefined;
  }
}

// Like guarded, but the errors are shown in the form, next to the fields they are about.
async function formGuarded(form, action) {
  clearFormErrors(form);
  const button = $("button[type=submit]", form);
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    showFormErrors(form, error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

// --- auth ------------------------------------------------------------------------------------------

function showSignedOut() {
  clearTokens();
  if (state.socket) state.socket.close();
  $("#auth").hidden = false;
  $("#app").hidden = true;
  $("#whoami").hidden = $("#logout").hidden = true;
}

async function showSignedIn() {
  state.user = await api("GET", "/auth/me");
  $("#auth").hidden = true;
  $("#app").hidden = false;
  $("#whoami").textContent = state.user.username;
  $("#whoami").hidden = $("#logout").hidden = false;
  connectSocket();
  await loadProjects();
}

async function login(username, password) {
  const body = new URLSearchParams({ username, password });
  const response = await fetch("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  saveTokens(data);
  await showSignedIn();
}

$("#login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  const { username, password } = formData(form);
  formGuarded(form, () => login(username, password));
});

$("#signup-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  const body = formData(form);
  formGuarded(form, async () => {
    await api("POST", "/auth/register", body);
    await login(body.username, body.password);
    toast("Welcome to SketchDojo!");
  });
});

$("#logout").addEventListener("click", () =>
  guarded(async () => {
    await api("POST", "/auth/logout", { refresh_token: state.refresh }).catch(() => null);
    showSignedOut();
  }),
);

// --- projects and characters -------------------------------------------------------------------------

async function loadProjects(selectId) {
  const projects = items(await api("GET", "/projects?size=100"));
  const list = $("#projects");
  list.replaceChildren(
    ...projects.map((project) =>
      el(
        "li",
        { class: project.id === (selectId || state.project?.id) ? "active" : "", dataset: { id: project.id } },
        el("button", { class: "link", onclick: () => guarded(() => openProject(project.id)) }, project.title),
      ),
    ),
  );
  const target = selectId || state.project?.id || projects[0]?.id;
  if (target) await openProject(target);
}

async function openProject(projectId) {
  state.project = await api("GET", `/projects/${projectId}`);
  for (const li of $("#projects").children) li.classList.toggle("active", li.dataset.id === state.project.id);
  $("#no-project").hidden = true;
  $("#project-view").hidden = false;
  $("#project-title").textContent = state.project.title;
  $("#project-meta").textContent = `${label(state.project.art_style)} · ${state.project.target_panels} panels · ${label(state.project.status)}`;
  $("#generate-form").elements.panel_count.value = state.project.target_panels;
  $("#generate-form").elements.style.value = state.project.art_style;
  await loadCharacters();
  await loadWebtoons();
}

$("#project-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  const body = formData(form);
  body.target_panels = Number(body.target_panels || 6);
  formGuarded(form, async () => {
    const project = await api("POST", "/projects", body);
    form.reset();
    await loadProjects(project.id);
  });
});

function characterChip(c) {
  const upload = el("input", {
    type: "file",
    accept: "image/png,image/jpeg,image/webp",
    class: "visually-hidden reference-input",
    "aria-label": `Reference image for ${c.name}`,
    onchange: (event) => guarded(() => uploadReference(c, event.target.files[0])),
  });
  const actions = el(
    "span",
    { class: "chip-actions" },
    el("label", { class: "link-button", title: "PNG, JPEG or WEBP" }, c.reference_image_url ? "Change image" : "Add reference image", upload),
    el("button", { class: "link danger remove-character", title: `Remove ${c.name}`, "aria-label": `Remove ${c.name}`, onclick: () => confirmRemoveCharacter(c, chip) }, "×"),
  );
  const chip = el(
    "li",
    { class: "chip", dataset: { id: c.id } },
    c.reference_image_url ? el("img", { class: "reference-thumb", src: c.reference_image_url, alt: "" }) : null,
    el("strong", {}, c.name),
    el("span", { class: "muted" }, ` · ${label(c.role)}`),
    actions,
  );
  return chip;
}

// A delete asks first, in place: "Remove Alex? [Remove] [Keep]".
function confirmInPlace(container, question, onConfirm, onKeep) {
  const previous = [...container.childNodes];
  const restore = () => {
    container.replaceChildren(...previous);
    if (onKeep) onKeep();
  };
  const yes = el("button", { class: "danger confirm-yes", onclick: () => onConfirm(restore) }, "Remove");
  container.replaceChildren(
    el("span", { class: "confirm-question" }, question),
    yes,
    el("button", { class: "secondary confirm-no", onclick: restore }, "Keep"),
  );
  yes.focus();
}

function confirmRemoveCharacter(c, chip) {
  confirmInPlace(chip, `Remove ${c.name}?`, (restore) =>
    guarded(async () => {
      await api("DELETE", `/characters/${c.id}`);
      toast(`${c.name} removed.`);
      await loadCharacters();
      return true;
    }).then((done) => done === undefined && chip.isConnected && restore()),
  );
}

async function uploadReference(character, file) {
  if (!file) return;
  const body = new FormData();
  body.append("reference_image", file);
  await api("PATCH", `/characters/${character.id}`, body);
  toast(`Reference image attached to ${character.name}.`);
  await loadCharacters();
}

async function loadCharacters() {
  state.characters = items(await api("GET", `/characters/project/${state.project.id}?size=100`));
  $("#characters").replaceChildren(...state.characters.map(characterChip));
}

$("#character-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  const f = formData(form);
  const appearance = {};
  for (const key of ["hair_color", "hair_style", "eye_color", "skin_tone", "build"]) if (f[key]) appearance[key] = f[key];
  const personality = f.speech_style ? { speech_style: f.speech_style } : {};
  const body = { name: f.name, role: f.role, description: f.description, appearance, personality };
  formGuarded(form, async () => {
    await api("POST", `/characters?project_id=${state.project.id}`, body);
    form.reset();
    await loadCharacters();
  });
});

// --- generation and tasks -------------------------------------------------------------------------------

$("#generate-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  const f = formData(form);
  const body = {
    story_prompt: f.story_prompt,
    character_descriptions: [],
    style_preferences: { style: f.style, quality: "high", color_scheme: f.color_scheme },
    panel_count: Number(f.panel_count),
    auto_generate_panels: true,
  };
  formGuarded(form, async () => {
    const task = await api("POST", `/webtoons/generate?project_id=${state.project.id}`, body);
    state.webtoonId = task.webtoon_id;
    $("#panels").replaceChildren();
    $("#panel-status").replaceChildren();
    showTask(task);
    subscribe(task);
    await loadWebtoons(task.webtoon_id);
  });
});

// The steps only move forward: a task's furthest step is remembered, whatever order events arrive in.
function taskStep(t) {
  const step = t.current_step || "";
  if (t.status === "completed") return 4;
  if (/Composing/.test(step)) return 3;
  if (/drawn|Drawing|Redrawing|Panel ready/.test(step)) return 2;
  if (/Plann/.test(step)) return 1;
  return 0;
}

function showTask(task) {
  state.task = { ...(state.task && state.task.id === task.id ? state.task : {}), ...task };
  const t = state.task;
  $("#task").hidden = false;
  const step = Math.max(state.furthestStep[t.id] ?? 0, taskStep(t));
  state.furthestStep[t.id] = step;
  for (const li of $$("#steps li")) {
    const n = Number(li.dataset.step);
    li.classList.toggle("done", n < step || (n === step && t.status === "completed"));
    li.classList.toggle("current", n === step && t.status !== "completed");
    li.classList.toggle("stopped", n === step && ["failed", "cancelled"].includes(t.status));
    if (n === step) li.setAttribute("aria-current", "step");
    else li.removeAttribute("aria-current");
  }
  const progress = Math.max(0, Math.min(100, Number(t.progress || 0)));
  $("#progress-bar").style.width = `${progress}%`;
  $(".progress").setAttribute("aria-valuenow", String(Math.round(progress)));
  $("#progress-text").textContent = `${Math.round(progress)}%`;
  $("#task-status").textContent = label(t.status);
  $("#current-step").textContent = t.current_step || "";
  $("#task-error").hidden = !t.error_message;
  $("#task-error").textContent = t.error_message || "";
  $("#cancel").hidden = !["pending", "running"].includes(t.status);
  $("#retry").hidden = !["failed", "cancelled"].includes(t.status);
  $("#task").dataset.status = t.status;
  $("#task").dataset.step = String(step);
  showEstimate();
  clearInterval(showTask.timer);
  if (["pending", "running"].includes(t.status)) showTask.timer = setInterval(showEstimate, 1000);
}

// The estimate is the server's, from the providers' measured speed; the page only counts it down.
function showEstimate() {
  const t = state.task;
  const box = $("#estimate");
  const total = Number(t?.estimated_duration_seconds || 0);
  if (!t || !total || !["pending", "running"].includes(t.status)) {
    box.textContent = "";
    return;
  }
  if (t.status === "pending" || !t.started_at) {
    box.textContent = `· about ${total} s`;
    return;
  }
  const left = Math.round(total - (Date.now() - Date.parse(t.started_at)) / 1000);
  box.textContent = left > 0 ? `· about ${left} s left` : "· taking longer than usual";
}

$("#cancel").addEventListener("click", () =>
  guarded(async () => showTask(await api("POST", `/tasks/${state.task.id}/cancel`))),
);
$("#retry").addEventListener("click", () =>
  guarded(async () => {
    const task = await api("POST", `/tasks/${state.task.id}/retry`);
    delete state.furthestStep[task.id];
    showTask(task);
    subscribe(task);
  }),
);

function connectSocket() {
  if (state.socket && state.socket.readyState <= 1) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/api/v1/ws/connect`);
  state.socket = socket;
  socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "authenticate", token: state.access })));
  socket.addEventListener("message", (event) => onSocketMessage(JSON.parse(event.data)));
  socket.addEventListener("close", (event) => {
    if (event.code === 4401 && state.refresh) {
      refreshTokens().then((ok) => ok && setTimeout(connectSocket, 200));
    } else if (state.access) {
      setTimeout(connectSocket, 2000);
    }
  });
}

function subscribe(task) {
  const send = () => state.socket.send(JSON.stringify({ type: "subscribe_task", task_id: task.id }));
  if (state.socket && state.socket.readyState === 1) send();
  else if (state.socket) state.socket.addEventListener("open", () => setTimeout(send, 100), { once: true });
}

// Every socket message of this page, newest last: handy in the console, and read by the browser tests.
window.sketchdojoEvents = [];

function onSocketMessage(message) {
  window.sketchdojoEvents.push(message);
  if (message.type === "connection_established" && state.task) subscribe(state.task);
  if (message.type === "task_update") {
    if (!state.task || message.task_id !== state.task.id) return;
    const last = state.lastSequence[message.task_id] ?? -1;
    if (message.sequence < last) return;
    state.lastSequence[message.task_id] = message.sequence;
    showTask({ id: message.task_id, ...message.data });
    if (message.data.webtoon_id === state.webtoonId) refreshPanelStatus();
    if (["completed", "failed"].includes(message.data.status)) guarded(() => loadWebtoons(state.webtoonId));
  } else if (message.type === "panel_ready") {
    if (message.webtoon_id === state.webtoonId) guarded(() => refreshPanel(message.panel_id));
  } else if (message.type === "webtoon_update") {
    if (message.webtoon_id === state.webtoonId) guarded(() => refreshWebtoon());
  } else if (message.type === "error") {
    console.warn("socket:", message.message);
  }
}

// Each panel's status while a task runs (one request in flight at a time; the last one wins).
async function refreshPanelStatus() {
  if (refreshPanelStatus.busy) {
    refreshPanelStatus.again = true;
    return;
  }
  refreshPanelStatus.busy = true;
  try {
    const webtoon = await api("GET", `/webtoons/${state.webtoonId}`);
    showPanelStatus(webtoon.panels || []);
    const known = $$("#panels .panel-card").length;
    if (webtoon.panels.length && known !== webtoon.panels.length) await loadPanels();
    for (const summary of webtoon.panels) {
      const card = document.getElementById(`panel-${summary.id}`);
      if (card && card.dataset.status !== summary.status) {
        card.dataset.status = summary.status;
        const badge = $(".status", card);
        badge.textContent = label(summary.status);
        badge.dataset.status = summary.status;
      }
    }
  } catch (error) {
    console.warn("panel status:", error);
  } finally {
    refreshPanelStatus.busy = false;
    if (refreshPanelStatus.again) {
      refreshPanelStatus.again = false;
      refreshPanelStatus();
    }
  }
}

function showPanelStatus(panels) {
  $("#panel-status").replaceChildren(
    ...panels.map((p) =>
      el("li", { class: "status", dataset: { status: p.status, number: p.sequence_number } }, `Panel ${p.sequence_number}: ${label(p.status)}`),
    ),
  );
}

// --- webtoons and panels ------------------------------------------------------------------------------

async function loadWebtoons(selectId) {
  const webtoons = items(await api("GET", `/webtoons?project_id=${state.project.id}&size=100`));
  const select = $("#webtoon-select");
  select.replaceChildren(...webtoons.map((w) => el("option", { value: w.id }, `Episode ${w.episode_number}: ${w.title || "Untitled"} (${label(w.status)})`)));
  const target = selectId || (webtoons.some((w) => w.id === state.webtoonId) ? state.webtoonId : webtoons[0]?.id);
  if (target) {
    select.value = target;
    await openWebtoon(target);
  } else {
    state.webtoonId = state.webtoon = null;
    $("#panels").replaceChildren();
    $("#webtoon-actions").hidden = true;
    $("#reorder-help").hidden = true;
  }
  await loadMemory();
}

$("#webtoon-select").addEventListener("change", (event) => guarded(() => openWebtoon(event.target.value)));

async function openWebtoon(webtoonId) {
  state.webtoonId = webtoonId;
  await refreshWebtoon();
  await loadPanels();
}

async function refreshWebtoon() {
  const webtoon = await api("GET", `/webtoons/${state.webtoonId}`);
  showWebtoonActions(webtoon);
  const option = $(`#webtoon-select option[value="${webtoon.id}"]`);
  if (option) option.textContent = `Episode ${webtoon.episode_number}: ${webtoon.title || "Untitled"} (${label(webtoon.status)})`;
  return webtoon;
}

async function loadPanels() {
  const panels = items(await api("GET", `/panels/webtoon/${state.webtoonId}?size=100`));
  $("#panels").replaceChildren(...panels.map((panel, index) => panelCard(panel, index, panels.length)));
  document.dispatchEvent(new CustomEvent("sd:webtoon-opened", { detail: { webtoon: state.webtoon, panels } })); // translations.js
  $("#reorder-help").hidden = panels.length < 2;
}

function showWebtoonActions(webtoon) {
  state.webtoon = webtoon;
  $("#webtoon-actions").hidden = false;
  const published = webtoon.status === "published";
  const link = $("#published-link");
  link.hidden = !webtoon.published_url;
  if (webtoon.published_url) link.href = webtoon.published_url;
  const publish = $("#publish");
  if (published && webtoon.has_unpublished_changes) {
    publish.textContent = "Republish";
    publish.disabled = false;
  } else {
    publish.textContent = published ? "Published" : "Publish";
    publish.disabled = published;
  }
  $("#unpublish").hidden = !published;
  $("#draft-note").hidden = !(published && webtoon.has_unpublished_changes);
  $("#webtoon-actions").dataset.status = webtoon.status;
  $("#webtoon-actions").dataset.draft = published && webtoon.has_unpublished_changes ? "changed" : "same";
  $("#exports").replaceChildren(
    ...EXPORTS.map(([fmt, name, title]) =>
      el("button", { class: "link export", dataset: { fmt }, title, onclick: () => guarded(() => download(fmt)) }, name),
    ),
  );
}

async function download(fmt) {
  const path = `/webtoons/${state.webtoonId}/export/${fmt}`;
  let response = await api("GET", path, undefined, { raw: true });
  while (response.status === 202) {
    // Exports are built once per revision by a background job: wait as the server asks, then ask again.
    toast(`Building the ${fmt.toUpperCase()} export…`);
    const seconds = Math.min(10, Number(response.headers.get("Retry-After")) || 2);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    response = await api("GET", path, undefined, { raw: true });
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || `webtoon.${fmt}`;
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

$("#publish").addEventListener("click", () =>
  guarded(async () => {
    const again = state.webtoon && state.webtoon.status === "published";
    const webtoon = await api("POST", `/webtoons/${state.webtoonId}/publish`);
    showWebtoonActions(webtoon);
    toast(again ? "Republished: readers now see your changes." : "Published!");
  }),
);

$("#unpublish").addEventListener("click", () =>
  guarded(async () => {
    const webtoon = await api("POST", `/webtoons/${state.webtoonId}/unpublish`);
    showWebtoonActions(webtoon);
    toast("Unpublished: the reader page is private again.");
  }),
);

// After any edit: the panels and whether the published version is now behind the draft.
async function afterEdit(focusSelector) {
  await Promise.all([loadPanels(), refreshWebtoon()]);
  if (focusSelector) {
    // Keyboard users keep their place: the same button of the moved card, or its other arrow at an end.
    let target = $(focusSelector);
    if (target && target.disabled) target = $(".move-up:not([disabled]), .move-down:not([disabled])", target.closest(".panel-card"));
    if (target) target.focus();
  }
}

async function movePanel(panel, to, focusClass) {
  await api("PATCH", `/panels/${panel.id}`, { sequence_number: to });
  await afterEdit(focusClass ? `#panel-${panel.id} .${focusClass}` : null);
  toast(`Panel moved to position ${to}.`);
}

function imageSource(panel) {
  // Local media keeps one name per version; cache-bust it (signed URLs must stay untouched).
  if (!panel.image_url) return undefined;
  return panel.image_url.includes("?") ? panel.image_url : `${panel.image_url}?v=${panel.version}`;
}

function speakerOptions(bubble) {
  const options = [el("option", { value: "" }, "No speaker (narration)")];
  let matched = false;
  for (const c of state.characters) {
    const selected = bubble && (bubble.character_id === c.id || (!bubble.character_id && bubble.speaker === c.name));
    matched = matched || Boolean(selected);
    options.push(el("option", { value: `id:${c.id}`, selected }, c.name));
  }
  if (bubble && bubble.speaker && !matched) options.push(el("option", { value: `name:${bubble.speaker}`, selected: true }, bubble.speaker));
  return options;
}

function bubbleRow(bubble, index, panel) {
  const manual = Boolean(bubble && bubble.position);
  const pos = (bubble && bubble.position) || { x: 0.5, y: 0.2 };
  const n = index + 1;
  const row = el(
    "fieldset",
    { class: "bubble-row" },
    el("legend", { class: "visually-hidden" }, `Bubble ${n}`),
    el(
      "div",
      { class: "bubble-line" },
      el("select", { class: "bubble-speaker", "aria-label": `Bubble ${n} speaker` }, ...speakerOptions(bubble)),
      el(
        "select",
        { class: "bubble-style", "aria-label": `Bubble ${n} style` },
        ...BUBBLE_STYLES.map((s) => el("option", { value: s, selected: (bubble?.style || "normal") === s }, label(s))),
      ),
    ),
    el("input", { class: "bubble-text", value: bubble?.text || "", maxlength: "300", "aria-label": `Bubble ${n} text`, placeholder: "What is said" }),
    el(
      "div",
      { class: "bubble-place" },
      el("label", { class: "inline" }, el("input", { type: "checkbox", class: "bubble-manual", checked: manual, onchange: (e) => setManual(row, e.target.checked) }), " Place by hand"),
      el("label", { class: "inline" }, "Across", el("input", { type: "range", class: "bubble-x", min: "0", max: "100", value: String(Math.round(pos.x * 100)), disabled: !manual })),
      el("label", { class: "inline" }, "Down", el("input", { type: "range", class: "bubble-y", min: "0", max: "100", value: String(Math.round(pos.y * 100)), disabled: !manual })),
      el("button", { type: "button", class: "link danger remove-bubble", "aria-label": `Remove bubble ${n}`, onclick: () => { row.remove(); markDirty(); } }, "Remove"),
    ),
    el("p", { class: "field-error error", hidden: true }),
  );
  row.original = bubble || null;
  row.addEventListener("input", markDirty);
  function markDirty() {
    const card = document.getElementById(`panel-${panel.id}`);
    if (card) card.classList.add("dirty");
  }
  return row;
}

function setManual(row, manual) {
  $(".bubble-x", row).disabled = !manual;
  $(".bubble-y", row).disabled = !manual;
}

function readBubbles(card) {
  return $$(".bubble-row", card).map((row) => {
    const who = $(".bubble-speaker", row).value;
    const style = $(".bubble-style", row).value;
    let speaker = null;
    let character_id = null;
    if (who.startsWith("id:")) {
      character_id = who.slice(3);
      speaker = state.characters.find((c) => c.id === character_id)?.name || null;
    } else if (who.startsWith("name:")) {
      speaker = who.slice(5);
    }
    const manual = $(".bubble-manual", row).checked;
    const position = manual ? { x: Number($(".bubble-x", row).value) / 100, y: Number($(".bubble-y", row).value) / 100 } : null;
    const original = row.original;
    const samePlace = original && original.position && position && original.position.x === position.x && original.position.y === position.y;
    return {
      speaker,
      character_id,
      text: $(".bubble-text", row).value,
      style,
      position,
      tail_direction: samePlace ? original.tail_direction : null,
    };
  });
}

function showBubbleErrors(card, error) {
  const rows = $$(".bubble-row", card);
  for (const row of rows) $(".field-error", row).hidden = true;
  // `{"speech_bubbles": {"2": {"text": [...]}}}` (by index), or a list of messages about the whole list.
  const perBubble = fieldDetails(error).speech_bubbles;
  if (!perBubble || Array.isArray(perBubble) || typeof perBubble !== "object") {
    toast(describeError(error), true);
    return;
  }
  for (const [index, messages] of Object.entries(perBubble)) {
    const row = rows[Number(index)];
    if (!row) continue;
    const slot = $(".field-error", row);
    slot.textContent = flatten(messages);
    slot.hidden = false;
  }
}

function panelCard(panel, index = 0, count = 1) {
  const n = panel.sequence_number;
  const card = el("article", {
    class: "panel-card",
    id: `panel-${panel.id}`,
    draggable: "true",
    "aria-label": `Panel ${n}`,
    dataset: { id: panel.id, status: panel.status, version: panel.version, number: n },
  });
  const controls = el(
    "div",
    { class: "panel-controls" },
    el("button", { type: "button", class: "secondary icon move-up", "aria-label": `Move panel ${n} up`, title: "Move up", disabled: index === 0, onclick: () => guarded(() => movePanel(panel, n - 1, "move-up")) }, "↑"),
    el("button", { type: "button", class: "secondary icon move-down", "aria-label": `Move panel ${n} down`, title: "Move down", disabled: index === count - 1, onclick: () => guarded(() => movePanel(panel, n + 1, "move-down")) }, "↓"),
    el("button", { type: "button", class: "link danger delete-panel", "aria-label": `Delete panel ${n}`, onclick: () => confirmDeletePanel(panel, controls) }, "Delete"),
  );
  const bubbles = el("div", { class: "bubbles" }, ...(panel.speech_bubbles || []).map((b, i) => bubbleRow(b, i, panel)));
  const seed = el("input", { class: "seed-input", type: "number", min: "0", max: "4294967295", name: "seed", placeholder: "New random seed" });
  const description = el("textarea", { class: "description-input", name: "visual_description", rows: "3", maxlength: "2000" });
  description.value = panel.visual_description || "";
  const shot = el("select", { class: "shot-input", name: "shot" }, ...SHOTS.map((s) => el("option", { value: s, selected: panel.shot === s }, label(s))));
  const redrawForm = el(
    "form",
    { class: "redraw-form stack", novalidate: true, onsubmit: (event) => { event.preventDefault(); formGuarded(redrawForm, () => redraw(panel, redrawForm)); } },
    el("label", {}, "Description", description),
    el(
      "div",
      { class: "row" },
      el("label", {}, "Shot", shot),
      el("label", {}, "Seed", seed),
    ),
    el(
      "div",
      { class: "row" },
      panel.seed !== null && panel.seed !== undefined
        ? el("button", { type: "button", class: "link reuse-seed", onclick: () => (seed.value = String(panel.seed)) }, `Reuse seed ${panel.seed}`)
        : null,
    ),
    el("p", { class: "form-error error", role: "alert", hidden: true }),
    el("button", { type: "submit", class: "redraw secondary" }, "Save and redraw"),
  );
  const parts = [
    el(
      "header",
      { class: "panel-head" },
      el("span", { class: "drag-handle", "aria-hidden": "true", title: "Drag to reorder" }, "⠿"),
      el("strong", { class: "panel-number" }, `#${n}`),
      el("span", { class: "shot" }, label(panel.shot)),
      el("span", { class: "status", dataset: { status: panel.status } }, label(panel.status)),
      controls,
    ),
    el("img", { class: "panel-image", alt: `Panel ${n}`, loading: "lazy", src: imageSource(panel), draggable: "false" }),
    panel.error_message ? el("p", { class: "error" }, panel.error_message) : null,
    el("h4", { class: "sub" }, "Bubbles"),
    bubbles,
    el(
      "div",
      { class: "row" },
      el("button", { type: "button", class: "secondary add-bubble", onclick: () => { const row = bubbleRow(null, $$(".bubble-row", bubbles).length, panel); bubbles.append(row); card.classList.add("dirty"); $(".bubble-text", row).focus(); } }, "+ Add bubble"),
      el("button", { type: "button", class: "save-dialogue", onclick: () => guarded(() => saveDialogue(panel, card)) }, "Save dialogue"),
      el("button", { type: "button", class: "link discard", title: "Undo the unsaved bubble edits of this panel", onclick: () => { card.classList.remove("dirty"); guarded(() => refreshPanel(panel.id)); } }, "Discard changes"),
    ),
    el("details", { class: "redraw-box" }, el("summary", {}, "Description and redraw"), redrawForm),
  ];
  card.append(...parts.filter(Boolean));
  // Drag and drop: drop a card on another to take its place.
  card.addEventListener("dragstart", (event) => {
    if (event.target.closest("input, textarea, select")) return;
    event.dataTransfer.setData("text/plain", panel.id);
    event.dataTransfer.effectAllowed = "move";
    card.classList.add("dragging");
  });
  card.addEventListener("dragend", () => card.classList.remove("dragging"));
  card.addEventListener("dragover", (event) => {
    event.preventDefault();
    card.classList.add("drop-target");
  });
  card.addEventListener("dragleave", () => card.classList.remove("drop-target"));
  card.addEventListener("drop", (event) => {
    event.preventDefault();
    card.classList.remove("drop-target");
    const movedId = event.dataTransfer.getData("text/plain");
    if (!movedId || movedId === panel.id) return;
    guarded(() => movePanel({ id: movedId }, n));
  });
  return card;
}

function confirmDeletePanel(panel, controls) {
  confirmInPlace(controls, `Delete panel ${panel.sequence_number}?`, (restore) =>
    guarded(async () => {
      await api("DELETE", `/panels/${panel.id}`);
      toast(`Panel ${panel.sequence_number} deleted.`);
      await afterEdit();
      return true;
    }).then((done) => done === undefined && controls.isConnected && restore()),
  );
}

async function refreshPanel(panelId) {
  const panel = await api("GET", `/panels/${panelId}`);
  const existing = document.getElementById(`panel-${panelId}`);
  if (existing && existing.classList.contains("dirty")) {
    // Keep what the creator is typing; only the picture and the status change under them.
    $(".panel-image", existing).src = imageSource(panel);
    existing.dataset.version = panel.version;
    return;
  }
  const cards = $$("#panels .panel-card");
  const card = panelCard(panel, panel.sequence_number - 1, Math.max(cards.length, panel.sequence_number));
  if (existing) {
    existing.replaceWith(card);
    return;
  }
  const after = cards.find((c) => Number(c.dataset.number) > panel.sequence_number);
  $("#panels").insertBefore(card, after || null);
}

async function saveDialogue(panel, card) {
  const speech_bubbles = readBubbles(card);
  try {
    await api("PATCH", `/panels/${panel.id}`, { speech_bubbles });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      showBubbleErrors(card, error);
      return;
    }
    throw error;
  }
  await afterEdit(`#panel-${panel.id} .save-dialogue`);
  toast("Dialogue re-lettered.");
}

async function redraw(panel, form) {
  const description = form.elements.visual_description.value;
  const shot = form.elements.shot.value;
  if (description !== panel.visual_description || shot !== panel.shot) {
    await api("PATCH", `/panels/${panel.id}`, { visual_description: description, shot });
  }
  const body = { panel_id: panel.id };
  if (form.elements.seed.value !== "") body.seed = Number(form.elements.seed.value);
  const task = await api("POST", "/panels/generate", body);
  showTask(task);
  subscribe(task);
  toast(`Redrawing panel ${panel.sequence_number}…`);
}

// --- start -----------------------------------------------------------------------------------------

if (state.access) guarded(showSignedIn);
else showSignedOut();

// --- story memory: episode summaries and character states (GET/PATCH /projects/{id}/memory) ---------

const lines = (text) => text.split("\n").map((line) => line.trim()).filter(Boolean);

function memoryField(label, control) {
  return el("label", {}, label, control);
}

const memoryView = { shown: null, projectId: null, dirty: false };

async function loadMemory({ force = false } = {}) {
  const memory = await api("GET", `/projects/${state.project.id}/memory`);
  // A refresh (a task finishing, a socket update) never wipes edits in progress, nor redraws what is shown.
  const shown = JSON.stringify([state.project.id, memory.episodes, memory.characters]);
  const sameProject = memoryView.projectId === state.project.id;
  if (!force && (shown === memoryView.shown || (sameProject && memoryView.dirty))) return;
  Object.assign(memoryView, { shown, projectId: state.project.id, dirty: false });
  const episodes = memory.episodes.map((episode) =>
    el(
      "fieldset",
      { class: "memory-episode", dataset: { number: episode.episode_number, title: episode.title } },
      el("legend", {}, `Episode ${episode.episode_number}${episode.title ? `: ${episode.title}` : ""}`),
      memoryField("Summary", el("textarea", { name: "summary", rows: 3, maxlength: 4000 }, episode.summary)),
    ),
  );
  const characters = memory.characters.map((character) =>
    el(
      "fieldset",
      { class: "memory-character", dataset: { name: character.name } },
      el("legend", {}, character.name),
      memoryField("Where they are", el("input", { name: "location", value: character.location, maxlength: 500 })),
      memoryField("What they know (one per line)", el("textarea", { name: "knows", rows: 2 }, character.knows.join("\n"))),
      memoryField(
        "Relationships (one per line: Name: how they relate)",
        el(
          "textarea",
          { name: "relationships", rows: 2 },
          Object.entries(character.relationships).map(([name, text]) => `${name}: ${text}`).join("\n"),
        ),
      ),
    ),
  );
  $("#memory-episodes").replaceChildren(...episodes);
  $("#memory-characters").replaceChildren(...characters);
  $("#memory-empty").hidden = episodes.length + characters.length > 0;
}

function memoryFromForm() {
  const episodes = [...document.querySelectorAll(".memory-episode")].map((box) => ({
    episode_number: Number(box.dataset.number),
    title: box.dataset.title || "",
    summary: $("[name=summary]", box).value.trim(),
  }));
  const characters = [...document.querySelectorAll(".memory-character")].map((box) => {
    const relationships = {};
    for (const line of lines($("[name=relationships]", box).value)) {
      const [name, ...rest] = line.split(":");
      if (name.trim()) relationships[name.trim()] = rest.join(":").trim();
    }
    return {
      name: box.dataset.name,
      location: $("[name=location]", box).value.trim(),
      knows: lines($("[name=knows]", box).value),
      relationships,
    };
  });
  return { episodes, characters };
}

$("#memory-form").addEventListener("input", () => (memoryView.dirty = true));

$("#memory-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(async () => {
    await api("PATCH", `/projects/${state.project.id}/memory`, memoryFromForm());
    await loadMemory({ force: true });
    toast("Story memory saved.");
  });
});
