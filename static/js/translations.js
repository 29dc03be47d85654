// SketchDojo studio: translations (issue 17). A webtoon's bubbles side by side with their translation,
// panel by panel; saving re-letters the panels in that language. Uses studio.js's helpers ($, el, api,
// guarded, toast, state) and its "sd:webtoon-opened" event; user text only through textContent/value.
"use strict";

const translations = { webtoon: null, panels: [], language: null };

document.addEventListener("sd:webtoon-opened", (event) => {
  translations.webtoon = event.detail.webtoon;
  translations.panels = event.detail.panels;
  translations.language = null;
  $("#translation-form").hidden = true;
  $("#translations").hidden = !translations.panels.some((panel) => panel.speech_bubbles.length);
  $("#translation-original").textContent = translations.webtoon.language;
  guarded(listTranslations);
});

async function listTranslations() {
  const listing = await api("GET", `/webtoons/${translations.webtoon.id}/translations`);
  $("#translation-languages").replaceChildren(...listing.items.map((t) => el("option", { value: t.language })));
}

function translationPath(suffix = "") {
  return `/webtoons/${translations.webtoon.id}/translations/${encodeURIComponent(translations.language)}${suffix}`;
}

$("#translation-pick").addEventListener("submit", (event) => {
  event.preventDefault();
  const language = new FormData(event.target).get("language").trim();
  guarded(() => openTranslation(language));
});

async function openTranslation(language) {
  translations.language = language;
  let translation = { language, panels: {}, images: {} };
  try {
    translation = await api("GET", translationPath());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  translations.language = translation.language;
  showTranslation(translation);
}

function showTranslation(translation) {
  const form = $("#translation-form");
  form.hidden = false;
  form.lang = translation.language;
  $("#translation-reader").href = `/w/${translations.webtoon.id}/?lang=${encodeURIComponent(translation.language)}`;
  const rows = translations.panels
    .filter((panel) => panel.speech_bubbles.length)
    .map((panel) => translationPanel(panel, translation));
  $("#translation-panels").replaceChildren(...rows);
}

function translationPanel(panel, translation) {
  const texts = translation.panels[panel.id] || {};
  const image = translation.images?.[panel.id] || panel.image_url;
  const bubbles = panel.speech_bubbles.map((bubble, index) => {
    const who = bubble.style === "narration" ? "Narration" : bubble.speaker || "Unknown speaker";
    const id = `tr-${panel.id}-${index}`;
    return el(
      "div",
      { class: "translation-bubble" },
      el("label", { for: id, class: "muted" }, `${who} (${bubble.style})`),
      el("p", { class: "original", lang: translations.webtoon.language }, bubble.text),
      el("textarea", {
        id,
        rows: 2,
        maxlength: 600,
        lang: translation.language,
        dataset: { panel: panel.id, index: String(index) },
      }),
    );
  });
  const card = el(
    "section",
    { class: "translation-panel", "aria-label": `Panel ${panel.sequence_number}` },
    el("h4", {}, `Panel ${panel.sequence_number}`),
    image ? el("img", { src: image, alt: `Panel ${panel.sequence_number} in ${translation.language}`, class: "panel-image" }) : "",
    el("div", { class: "translation-bubbles" }, ...bubbles),
  );
  for (const area of card.querySelectorAll("textarea")) area.value = texts[area.dataset.index] || "";
  return card;
}

function collectTexts() {
  const panels = {};
  for (const area of $("#translation-panels").querySelectorAll("textarea")) {
    if (!area.value.trim()) continue;
    (panels[area.dataset.panel] ||= {})[area.dataset.index] = area.value.trim();
  }
  return panels;
}

async function afterSave(translation, message) {
  showTranslation(translation);
  await listTranslations();
  toast(message);
}

$("#translation-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(async () => {
    const translation = await api("PUT", translationPath(), { panels: collectTexts() });
    await afterSave(translation, `Lettered in ${translation.language}.`);
  });
});

$("#translation-auto").addEventListener("click", () =>
  guarded(async () => {
    toast("Translating…");
    const translation = await api("POST", translationPath("/auto"));
    await afterSave(translation, `Translated and lettered in ${translation.language}.`);
  }),
);

$("#translation-delete").addEventListener("click", () =>
  guarded(async () => {
    await api("DELETE", translationPath());
    $("#translation-form").hidden = true;
    await listTranslations();
    toast("Translation deleted.");
  }),
);

$("#translation-po-download").addEventListener("click", () =>
  guarded(async () => {
    const response = await api("GET", translationPath(".po"), undefined, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: `${translations.webtoon.id}.${translations.language}.po` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }),
);

$("#translation-po-upload").addEventListener("change", (event) => {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  guarded(async () => {
    const headers = { Accept: "application/json", "Content-Type": "text/x-gettext-translation" };
    if (state.access) headers.Authorization = `Bearer ${state.access}`;
    const response = await fetch(`/api/v1${translationPath(".po")}`, { method: "PUT", headers, body: await file.text() });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    await afterSave(data, `Imported ${file.name} and lettered in ${data.language}.`);
  });
});
