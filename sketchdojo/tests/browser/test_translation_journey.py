"""Translations in headless Chromium: a creator translates a webtoon side by side in the studio, a
reader switches language on the reader page (issue 17). Screenshots go to test-artifacts/."""

import re

import pytest

from sketchdojo.tests.browser.test_studio_journey import STORY, browser, server, shot  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

SPANISH = "¡Siento que la tormenta me responde!"
KOREAN = "폭풍이 나에게 대답하는 게 느껴져!"


def wait_for_panels(page) -> None:
    """Every panel image scrolled to and decoded (wait_for_function needs eval, which the reader's CSP forbids)."""
    images = page.locator("img.panel")
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        for _ in range(100):
            if image.evaluate("img => img.complete && img.naturalWidth") == 800:
                break
            page.wait_for_timeout(100)
        assert image.evaluate("img => img.naturalWidth") == 800


def translate_in_studio(page, language: str, text: str) -> None:
    page.locator("#translation-pick [name=language]").fill(language)
    page.locator("#translation-pick button[type=submit]").click()
    page.wait_for_selector(f"#translation-form[lang='{language}']:not([hidden])")
    areas = page.locator("#translation-panels textarea")
    for index in range(areas.count()):
        areas.nth(index).fill(f"{text} ({index + 1})")
    page.locator("#translation-form button[type=submit]").click()
    page.wait_for_selector(f"#translation-languages option[value='{language}']", state="attached")


def test_a_creator_translates_and_a_reader_switches_language(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    signup = page.locator("#signup-form")
    signup.locator("[name=email]").fill("translator@example.com")
    signup.locator("[name=username]").fill("polyglot")
    signup.locator("[name=password]").fill("SecurePassword123")
    signup.locator("button[type=submit]").click()
    page.wait_for_selector("#app:not([hidden])")
    project = page.locator("#project-form")
    project.locator("[name=title]").fill("Storm Village")
    project.locator("[name=target_panels]").fill("3")
    project.locator("button[type=submit]").click()
    page.wait_for_selector("#project-view:not([hidden])")
    generate = page.locator("#generate-form")
    generate.locator("[name=story_prompt]").fill(STORY + ' Alex shouts "The storm is mine!"')
    generate.locator("[name=panel_count]").fill("3")
    generate.locator("button[type=submit]").click()
    page.wait_for_selector("#task[data-status=completed]", timeout=90_000)
    page.wait_for_selector("#translations:not([hidden])")

    translate_in_studio(page, "es", SPANISH)
    originals = page.locator("#translation-panels .original")
    assert originals.count() >= 1
    assert originals.first.get_attribute("lang") == "en"
    assert page.locator("#translation-panels textarea").first.input_value() == f"{SPANISH} (1)"
    shot(page, "10-studio-translation-es")
    translate_in_studio(page, "ko", KOREAN)
    shot(page, "11-studio-translation-ko")

    page.locator("#publish").click()
    page.wait_for_selector("#published-link:not([hidden])")
    reader_url = page.locator("#published-link").get_attribute("href")

    context = browser.new_context(locale="en-US", viewport={"width": 900, "height": 1000})
    reader = context.new_page()
    reader.on("pageerror", lambda exc: errors.append(str(exc)))
    reader.goto(reader_url)
    assert reader.locator("html").get_attribute("lang") == "en"
    english = [img.get_attribute("src") for img in reader.locator("img.panel").all()]
    switcher = reader.get_by_role("navigation", name="Language")
    assert switcher.get_by_role("link").all_inner_texts() == ["English", "español", "한국어"]

    switcher.get_by_role("link", name="español").click()
    reader.wait_for_url(re.compile(r"\?lang=es$"))
    assert reader.locator("html").get_attribute("lang") == "es"
    assert switcher.locator("[aria-current=true]").inner_text() == "español"
    spanish = [img.get_attribute("src") for img in reader.locator("img.panel").all()]
    assert len(spanish) == len(english) == 3
    assert spanish != english
    # The transcript a screen reader reads is the Spanish one too.
    transcripts = reader.locator(".transcript")
    assert {transcripts.nth(i).get_attribute("lang") for i in range(transcripts.count())} == {"es"}
    assert f"{SPANISH} (1)" in " ".join(transcripts.all_text_contents())
    wait_for_panels(reader)
    shot(reader, "12-reader-es")

    switcher.get_by_role("link", name="한국어").click()
    reader.wait_for_url(re.compile(r"\?lang=ko$"))
    assert reader.locator("html").get_attribute("lang") == "ko"
    wait_for_panels(reader)
    shot(reader, "13-reader-ko")

    korean_reader = browser.new_context(locale="ko-KR").new_page()
    korean_reader.goto(reader_url)
    assert korean_reader.locator("html").get_attribute("lang") == "ko"
    context.close()
    assert errors == []
