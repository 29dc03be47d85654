// SketchDojo studio: the whole creator journey on one page, against the public API and the socket.
// User text only ever reaches the page through textContent / attribute setters, never as HTML.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};

const state = {
  access: localStorage.getItem("sd.access"),
  refresh: localStorage.getItem("sd.refresh"),
  user: null,
  project: null,
  webtoonId: null,
  task: null,
  socket: null,
  lastSequence: {},
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

async function api(method, path, body, { raw = false, retried = false } = {}) {
  const headers = { Accept: "application/json" };
  if (state.access) headers.Authorization = `Bearer ${state.access}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
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

function describeError(error) {
  if (!(error instanceof ApiError) || !error.body) return String(error.message || error);
  const details = error.body.details || {};
  const fields = Object.entries(details)
    .filter(([key]) => key !== "request_id" && key !== "retry_after_seconds")
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(" ") : JSON.stringify(value)}`);
  return fields.length ? fields.join("; ") : error.body.message;
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
  const { username, password } = formData(event.target);
  guarded(() => login(username, password));
});

$("#signup-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const body = formData(event.target);
  guarded(async () => {
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
        { class: project.id === (selectId || state.project?.id) ? "active" : "" },
        el("button", { class: "link", onclick: () => guarded(() => openProject(project.id)) }, project.title),
      ),
    ),
  );
  const target = selectId || state.project?.id || projects[0]?.id;
  if (target) await openProject(target);
}

async function openProject(projectId) {
  state.project = await api("GET", `/projects/${projectId}`);
  for (const li of $("#projects").children) li.classList.toggle("active", li.textContent === state.project.title);
  $("#no-project").hidden = true;
  $("#project-view").hidden = false;
  $("#project-title").textContent = state.project.title;
  $("#project-meta").textContent = `${state.project.art_style} · ${state.project.target_panels} panels · ${state.project.status}`;
  $("#generate-form").elements.panel_count.value = state.project.target_panels;
  $("#generate-form").elements.style.value = state.project.art_style;
  await Promise.all([loadCharacters(), loadWebtoons()]);
}

$("#project-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const body = formData(event.target);
  body.target_panels = Number(body.target_panels || 6);
  guarded(async () => {
    const project = await api("POST", "/projects", body);
    event.target.reset();
    await loadProjects(project.id);
  });
});

async function loadCharacters() {
  const characters = items(await api("GET", `/characters/project/${state.project.id}?size=100`));
  $("#characters").replaceChildren(
    ...characters.map((c) =>
      el(
        "li",
        { class: "chip" },
        ...(c.reference_image_url
          ? [el("img", { class: "ref-thumb", src: c.reference_image_url, alt: `${c.name}: reference image`, loading: "lazy" })]
          : []),
        el("strong", {}, c.name),
        ` · ${c.role}`,
        el("button", {
          class: "link danger",
          title: `Remove ${c.name}`,
          onclick: () => guarded(async () => { await api("DELETE", `/characters/${c.id}`); await loadCharacters(); }),
        }, "×"),
      ),
    ),
  );
}

$("#character-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const f = formData(event.target);
  const appearance = {};
  for (const key of ["hair_color", "hair_style", "eye_color", "skin_tone", "build"]) if (f[key]) appearance[key] = f[key];
  const personality = f.speech_style ? { speech_style: f.speech_style } : {};
  const body = { name: f.name, role: f.role, description: f.description, appearance, personality };
  guarded(async () => {
    await api("POST", `/characters?project_id=${state.project.id}`, body);
    event.target.reset();
    await loadCharacters();
  });
});

// --- generation and tasks -------------------------------------------------------------------------------

$("#generate-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const f = formData(event.target);
  const body = {
    story_prompt: f.story_prompt,
    character_descriptions: [],
    style_preferences: { style: f.style, quality: "high", color_scheme: f.color_scheme },
    panel_count: Number(f.panel_count),
    auto_generate_panels: true,
  };
  guarded(async () => {
    const task = await api("POST", `/webtoons/generate?project_id=${state.project.id}`, body);
    state.webtoonId = task.webtoon_id;
    $("#panels").replaceChildren();
    showTask(task);
    subscribe(task);
    await loadWebtoons(task.webtoon_id);
  });
});

function showTask(task) {
  state.task = { ...(state.task && state.task.id === task.id ? state.task : {}), ...task };
  const t = state.task;
  $("#task").hidden = false;
  const progress = Math.max(0, Math.min(100, Number(t.progress || 0)));
  $("#progress-bar").style.width = `${progress}%`;
  $("#progress-text").textContent = `${Math.round(progress)}%`;
  $("#task-status").textContent = t.status;
  $("#current-step").textContent = t.current_step || "";
  $("#task-error").hidden = !t.error_message;
  $("#task-error").textContent = t.error_message || "";
  $("#cancel").hidden = !["pending", "running"].includes(t.status);
  $("#retry").hidden = !["failed", "cancelled"].includes(t.status);
  $("#task").dataset.status = t.status;
}

$("#cancel").addEventListener("click", () =>
  guarded(async () => showTask(await api("POST", `/tasks/${state.task.id}/cancel`))),
);
$("#retry").addEventListener("click", () =>
  guarded(async () => {
    const task = await api("POST", `/tasks/${state.task.id}/retry`);
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
    if (["completed", "failed"].includes(message.data.status)) guarded(() => loadWebtoons(state.webtoonId));
  } else if (message.type === "panel_ready") {
    if (message.webtoon_id === state.webtoonId) guarded(() => refreshPanel(message.panel_id));
  } else if (message.type === "webtoon_update") {
    if (message.webtoon_id === state.webtoonId) showWebtoonActions(message.data);
  } else if (message.type === "error") {
    console.warn("socket:", message.message);
  }
}

// --- webtoons and panels ------------------------------------------------------------------------------

async function loadWebtoons(selectId) {
  const webtoons = items(await api("GET", `/webtoons?project_id=${state.project.id}&size=100`));
  const select = $("#webtoon-select");
  const label = (w) => `Episode ${w.episode_number}: ${w.title || "Untitled"} (${w.status})`;
  select.replaceChildren(...webtoons.map((w) => el("option", { value: w.id }, label(w))));
  const target = selectId || (webtoons.some((w) => w.id === state.webtoonId) ? state.webtoonId : webtoons[0]?.id);
  if (target) {
    select.value = target;
    await openWebtoon(target);
  } else {
    state.webtoonId = null;
    $("#panels").replaceChildren();
    $("#webtoon-actions").hidden = true;
  }
  await loadMemory();
}

$("#webtoon-select").addEventListener("change", (event) => guarded(() => openWebtoon(event.target.value)));

async function openWebtoon(webtoonId) {
  state.webtoonId = webtoonId;
  const webtoon = await api("GET", `/webtoons/${webtoonId}`);
  showWebtoonActions(webtoon);
  const panels = items(await api("GET", `/panels/webtoon/${webtoonId}?size=100`));
  $("#panels").replaceChildren(...panels.map(panelCard));
  document.dispatchEvent(new CustomEvent("sd:webtoon-opened", { detail: { webtoon, panels } })); // translations.js
}

function showWebtoonActions(webtoon) {
  $("#webtoon-actions").hidden = false;
  const link = $("#published-link");
  link.hidden = !webtoon.published_url;
  if (webtoon.published_url) link.href = webtoon.published_url;
  $("#publish").disabled = webtoon.status === "published";
  $("#publish").textContent = webtoon.status === "published" ? "Published" : "Publish";
  $("#exports").replaceChildren(
    ...["png", "pdf", "cbz", "html"].map((fmt) =>
      el("button", { class: "link", dataset: { fmt }, onclick: () => guarded(() => download(fmt)) }, fmt.toUpperCase()),
    ),
  );
}

async function download(fmt) {
  const response = await api("GET", `/webtoons/${state.webtoonId}/export/${fmt}`, undefined, { raw: true });
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
    const webtoon = await api("POST", `/webtoons/${state.webtoonId}/publish`);
    showWebtoonActions(webtoon);
    toast("Published!");
  }),
);

function panelCard(panel) {
  const image = el("img", {
    class: "panel-image",
    alt: `Panel ${panel.sequence_number}`,
    loading: "lazy",
    // Local media keeps one name per version; cache-bust it (signed URLs must stay untouched).
    src: panel.image_url ? (panel.image_url.includes("?") ? panel.image_url : `${panel.image_url}?v=${panel.version}`) : undefined,
  });
  const bubbles = (panel.speech_bubbles || []).map((bubble, index) =>
    el(
      "label",
      { class: "bubble-row" },
      el("span", { class: "speaker" }, bubble.style === "narration" ? "Narration" : bubble.speaker || "?"),
      el("input", { class: "bubble-text", value: bubble.text, maxlength: "300", dataset: { index } }),
    ),
  );
  const card = el(
    "article",
    { class: "panel-card", id: `panel-${panel.id}`, dataset: { id: panel.id, status: panel.status, version: panel.version } },
    el("header", {}, el("strong", {}, `#${panel.sequence_number}`), ` ${panel.shot} · ${panel.status}`),
    image,
    el("div", { class: "bubbles" }, ...bubbles),
    el(
      "div",
      { class: "row" },
      el("button", { class: "save-dialogue", onclick: () => guarded(() => saveDialogue(panel, card)) }, "Save dialogue"),
      el("button", { class: "redraw secondary", onclick: () => guarded(() => redraw(panel)) }, "Redraw"),
    ),
  );
  return card;
}

async function refreshPanel(panelId) {
  const panel = await api("GET", `/panels/${panelId}`);
  const card = panelCard(panel);
  const existing = document.getElementById(`panel-${panelId}`);
  if (existing) {
    existing.replaceWith(card);
    return;
  }
  const cards = [...$("#panels").children];
  const after = cards.find((c) => Number(c.querySelector("strong").textContent.slice(1)) > panel.sequence_number);
  $("#panels").insertBefore(card, after || null);
}

async function saveDialogue(panel, card) {
  const texts = [...card.querySelectorAll(".bubble-text")].map((input) => input.value);
  const speech_bubbles = (panel.speech_bubbles || []).map((bubble, i) => ({ ...bubble, text: texts[i] }));
  const updated = await api("PATCH", `/panels/${panel.id}`, { speech_bubbles });
  card.replaceWith(panelCard(updated));
  toast("Dialogue re-lettered.");
}

async function redraw(panel) {
  const task = await api("POST", "/panels/generate", { panel_id: panel.id });
  showTask(task);
  subscribe(task);
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
