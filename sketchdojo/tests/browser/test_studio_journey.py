"""The whole creator journey in headless Chromium against a real daphne server (embedded default).

Sign up → project → character → generate (progress and panels arrive live over the socket) →
edit dialogue → publish → the public reader page. Screenshots are kept in test-artifacts/.
The server is a separate process on a file SQLite database with the in-process worker, exactly
what `make run` serves; Chromium is Debian's, installed by scripts/bootstrap.sh.
"""

import os
import shutil
import subprocess
import sys

import pytest

from tasks.tests.live import ROOT, daphne_server

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
STORY = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: run scripts/bootstrap.sh --browser (make test does).")
    workdir = tmp_path_factory.mktemp("journey")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        PYTHONUNBUFFERED="1",
    )
    for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    with daphne_server(env, workdir) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_new_user_goes_from_sign_up_to_a_published_webtoon(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")

    signup = page.locator("#signup-form")
    signup.locator("[name=email]").fill("reader@example.com")
    signup.locator("[name=username]").fill("inkfan")
    signup.locator("[name=password]").fill("SecurePassword123")
    signup.locator("button[type=submit]").click()
    page.wait_for_selector("#app:not([hidden])")
    assert page.locator("#whoami").inner_text() == "inkfan"

    project = page.locator("#project-form")
    project.locator("[name=title]").fill("Storm Village <b>Chronicles</b>")
    project.locator("[name=target_panels]").fill("3")
    project.locator("button[type=submit]").click()
    page.wait_for_selector("#project-view:not([hidden])")
    assert page.locator("#project-title").inner_text() == "Storm Village <b>Chronicles</b>"

    character = page.locator("#character-form")
    character.locator("[name=name]").fill("Alex Thunder")
    character.locator("[name=role]").select_option("protagonist")
    character.locator("[name=hair_color]").fill("silver")
    character.locator("[name=eye_color]").fill("electric_blue")
    character.locator("[name=speech_style]").fill("confident")
    character.locator("button[type=submit]").click()
    page.wait_for_selector("#characters li:has-text('Alex Thunder')")
    shot(page, "01-project-and-character")

    generate = page.locator("#generate-form")
    generate.locator("[name=story_prompt]").fill(STORY)
    generate.locator("[name=panel_count]").fill("3")
    generate.locator("button[type=submit]").click()
    page.wait_for_selector("#task:not([hidden])")
    page.wait_for_selector("#task[data-status=completed]", timeout=90_000)
    page.wait_for_function("document.querySelectorAll('#panels .panel-card img[src]').length === 3")
    shot(page, "02-generated")

    events = page.evaluate("window.sketchdojoEvents")
    kinds = [e["type"] for e in events]
    assert kinds[0] == "connection_established"
    assert kinds.count("panel_ready") >= 3
    updates = [e for e in events if e["type"] == "task_update"]
    assert [u["sequence"] for u in updates] == sorted(u["sequence"] for u in updates)
    assert updates[-1]["data"]["status"] == "completed"
    first_ready = kinds.index("panel_ready")
    assert any(u["data"]["status"] == "running" for u in events[:first_ready] if u["type"] == "task_update")

    card = page.locator("#panels .panel-card").first
    version = int(card.get_attribute("data-version"))
    bubble = card.locator(".bubble-text").first
    if bubble.count():
        bubble.fill("I can feel the storm answering me!")
        card.locator(".save-dialogue").click()
        page.wait_for_selector(f"#panels .panel-card[data-version='{version + 1}']")
        assert page.locator("#panels .panel-card").first.locator(".bubble-text").first.input_value() == (
            "I can feel the storm answering me!"
        )

    page.locator("#publish").click()
    page.wait_for_selector("#published-link:not([hidden])")
    reader_url = page.locator("#published-link").get_attribute("href")
    shot(page, "03-published")

    reader = browser.new_page(viewport={"width": 900, "height": 1000})
    response = reader.goto(reader_url)
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert reader.locator("h1").inner_text() != ""
    assert reader.locator("img.panel").count() == 3
    reader.wait_for_function("[...document.querySelectorAll('img.panel')][0].naturalWidth === 800")
    shot(reader, "04-reader")
    assert errors == []
