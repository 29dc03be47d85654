"""The developer's pages in headless Chromium against a real daphne server: Swagger UI signs in with
the password flow and calls the API, ReDoc renders, and the browsable API logs in through its link.
Every request the pages make stays on this server. Screenshots are kept in test-artifacts/.
"""

import json
import urllib.request
from urllib.parse import urlsplit

import pytest

from sketchdojo.tests.browser.test_studio_journey import browser, server, shot  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser
PASSWORD = "SecurePassword123"


@pytest.fixture(scope="module")
def account(server):  # noqa: F811
    body = json.dumps({"email": "dev@example.com", "username": "devjane", "password": PASSWORD}).encode()
    request = urllib.request.Request(
        server + "/api/v1/auth/register", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 201
    return "devjane"


def _host(request) -> str:
    parts = urlsplit(request.url)
    return parts.netloc or parts.scheme  # data: and blob: URLs have no host


def _page_recording_hosts(browser, hosts: set[str]):  # noqa: F811
    """A page that records the host of every request that reached the network, and of every one that
    failed for another reason than the page's Content-Security-Policy (which stops it in the browser)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("requestfinished", lambda request: hosts.add(_host(request)))
    page.on(
        "requestfailed",
        lambda request: None if request.failure == "csp" else hosts.add(_host(request)),
    )
    return page


def test_swagger_signs_in_with_the_password_flow_and_calls_the_api(server, browser, account):  # noqa: F811
    hosts: set[str] = set()
    page = _page_recording_hosts(browser, hosts)
    page.goto(server + "/docs")
    page.locator("button.authorize").first.click()
    page.locator("#oauth_username").fill(account)
    page.locator("#oauth_password").fill(PASSWORD)
    page.locator(".auth-btn-wrapper button.authorize").click()
    page.get_by_text("Authorized", exact=False).first.wait_for()
    shot(page, "docs-authorized")
    page.locator(".btn-done").click()

    operation = page.locator("#operations-auth-auth_me_retrieve")
    operation.locator(".opblock-summary").click()
    operation.locator(".try-out__btn").click()
    operation.locator("button.execute").click()
    answer = operation.locator(".live-responses-table .response-col_description pre").first
    answer.wait_for()
    shot(page, "docs-me")

    assert f'"username": "{account}"' in answer.inner_text()
    assert hosts <= {urlsplit(server).netloc, "data", "blob"}


def test_redoc_renders_every_resource_from_this_server_only(server, browser):  # noqa: F811
    hosts: set[str] = set()
    page = _page_recording_hosts(browser, hosts)
    page.goto(server + "/redoc")
    page.get_by_text("Generate a webtoon from a story", exact=False).first.wait_for(state="attached")
    shot(page, "redoc")

    menu = page.locator(".menu-content").inner_text().lower()
    assert all(tag in menu for tag in ("auth", "projects", "characters", "webtoons", "panels", "tasks"))
    assert hosts <= {urlsplit(server).netloc, "data", "blob"}


def test_the_browsable_api_logs_in_from_its_link_and_offers_forms_and_filters(server, browser, account):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/api/v1/projects")
    page.get_by_role("link", name="Log in").click()
    page.locator("#id_username").fill(account)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#submit-id-submit, input[type=submit], button[type=submit]").first.click()
    page.wait_for_url(server + "/api/v1/projects")
    page.locator("#post-object-form input[name=title]").fill("Made in the browser")
    page.locator("#post-object-form .form-actions button").click()
    page.get_by_text("HTTP 201 Created").wait_for()
    page.goto(server + "/api/v1/projects")
    shot(page, "browsable-projects")

    assert page.locator("h1").inner_text() == "Projects"
    assert page.get_by_text("Made in the browser").count() >= 1
    assert page.get_by_role("button", name="Filters").count() == 1
