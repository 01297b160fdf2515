"""The dashboard in a real browser: Playwright drives Debian's Chromium over the demo corpus.

Open the overview, click an actor, open one of its quotes in its article, correct its speaker in
review mode, reload and see the correction kept. A screenshot of each page goes to
test-output/screenshots/. `make test` installs Chromium (Debian's package) when it is missing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import ROOT, serve_in_thread

from voxmap.corpus.ingest import ingest
from voxmap.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-output" / "screenshots"
CORPUS = ROOT / "src" / "voxmap" / "samples" / "corpus" / "articles.jsonl"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    ingest([CORPUS], db)
    base, instance = serve_in_thread(create_app(db, review_mode=True))
    yield base
    instance.should_exit = True


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.problems = []  # console errors and CSP violations: a page that logs one is broken
        tab.on("console", lambda message: message.type == "error" and tab.problems.append(message.text))
        tab.on("pageerror", lambda error: tab.problems.append(str(error)))
        tab.on(
            "response",
            lambda response: response.status >= 400 and tab.problems.append(f"{response.status} {response.url}"),
        )
        yield tab
        browser.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_from_overview_to_a_corrected_speaker(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#chart-outlet ~ *, .vega svg", state="attached")
    page.wait_for_selector(".vega svg")  # Vega-Lite rendered under the CSP (no eval)
    assert page.locator("table.first-voice tbody tr").count() == 4
    shot(page, "1-overview")

    actor = page.locator("a.actor").first
    name = actor.inner_text()
    actor.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text().startswith(name)
    page.wait_for_selector(".vega svg")
    shot(page, "2-actor")

    page.locator("ol.quotes a.quote-link").first.click()
    page.wait_for_url("**/articles/*")
    panel = page.locator("#panel .quote-panel")
    assert "How this quote was attributed" in panel.inner_text()
    quote_id = panel.get_attribute("data-quote")
    page.locator(f'.seg.quote[data-quote="{quote_id}"]').first.click()  # htmx reloads the panel in place
    page.wait_for_selector(f'#panel .quote-panel[data-quote="{quote_id}"]')
    shot(page, "3-article")

    page.fill(".speaker-form input[name=speaker_name]", "Renée Vasseur")
    page.select_option(".speaker-form select[name=speaker_type]", "person")
    page.click(".speaker-form button[type=submit]")
    page.wait_for_selector("#panel .badge.corrected")
    assert "Renée Vasseur" in page.locator("#panel .speaker").inner_text()
    page.wait_for_selector("#article-quotes .badge.corrected")  # the quote list follows without a reload

    page.reload()
    page.wait_for_selector("#panel .badge.corrected")
    assert "Renée Vasseur" in page.locator("#panel .speaker").inner_text()
    shot(page, "4-corrected")

    assert page.problems == []
    page.fill(".speaker-form input[name=speaker_name]", "")  # a person with no name: refused, and said so
    page.click(".speaker-form button[type=submit]")
    page.wait_for_selector("#panel [role=alert]")
    assert "needs a name" in page.locator("#panel [role=alert]").inner_text()
    assert page.problems and all("422" in problem or "responseError" in problem for problem in page.problems)
    page.problems.clear()

    page.goto(server + "/review")
    assert "Renée Vasseur" in page.locator("table").first.inner_text()
    shot(page, "5-review")
    assert page.problems == []


def test_story_search_and_network_pages(server, page):
    page.goto(server + "/")
    page.locator("table.first-voice tbody a[href^='/stories/']").first.click()
    page.wait_for_selector("#why-first")
    assert "First voice" in page.locator("#why-first h2").inner_text()
    page.wait_for_selector(".vega svg")
    shot(page, "6-story")

    page.goto(server + "/stories?q=CSMT")
    assert page.locator("table.first-voice tbody tr").count() == 1
    shot(page, "6b-stories")

    page.goto(server + "/search?q=grève")
    shot(page, "7-search")
    assert page.locator("ol.results li").count() >= 1

    page.goto(server + "/network")
    page.wait_for_function("window.voxmapNetwork && window.voxmapNetwork.nodes().length > 0")
    edge = page.evaluate(
        """() => { const e = window.voxmapNetwork.edges()[0]; e.emit('tap'); return e.data('pair'); }"""
    )
    assert edge
    page.wait_for_selector("#evidence .edge-evidence")
    shot(page, "8-network")
    assert page.problems == []


def test_an_echo_from_the_union_to_the_minister_and_an_editorial(server, page):
    """The demo's echo: the Rempart phrase, the minister's quote and the editorial's narration, each
    use opening its article with its exact characters marked."""
    page.goto(server + "/")
    page.click("nav a[href='/echoes']")
    page.wait_for_url("**/echoes")
    echo = page.locator("section.echo").first
    assert "variables d'ajustement budgétaire pour Bercy" in echo.locator("h3").inner_text()
    kinds = [badge.inner_text() for badge in echo.locator(".badge").all()]
    assert "quote" in kinds and "narration" in kinds
    shot(page, "9-echoes")
    echo.locator("li:has(.badge.narration) a[href*='mark=']").first.click()
    page.wait_for_url("**/articles/*")
    marked = "".join(page.locator("mark.evidence, a.seg.evidence").all_inner_texts())
    assert "variables d'ajustement budgétaire pour Bercy" in marked
    assert page.problems == []


def test_trends_csv_and_head_to_head_keep_the_filters(server, page):
    """Overview → trends (add a voice, change the period) → download a CSV → first voices, head-to-head
    → back, with the outlet filter kept in every address along the way."""
    page.goto(server + "/")
    page.locator("header nav a", has_text="Trends").click()
    page.wait_for_selector("#share-over-time .vega svg")
    page.select_option("#trend-filters select[name=language]", "fr")
    page.select_option("#trend-filters select[name=period]", "week")
    added = page.locator("#add-voice option").nth(1).inner_text()
    page.select_option("#add-voice", added)
    page.locator("#trend-filters button[type=submit]").click()
    page.wait_for_selector("#share-over-time .vega svg")
    assert "language=fr" in page.url and "period=week" in page.url
    series = page.locator("table.series tbody tr td:nth-child(2)").all_inner_texts()
    assert added in series  # the added voice has its line
    assert all(len(day) == 10 for day in page.locator("table.series tbody td:first-child").all_inner_texts())
    shot(page, "9-trends")

    with page.expect_download() as download:
        page.locator("footer a.csv-twin").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("table,period,voice") and len(lines) > 1

    page.locator("header nav a", has_text="First voices").click()
    assert "language=fr" in page.url  # the filter travelled with the link
    voices = [v for v in page.locator("#voice-a option").all_inner_texts() if v != "—"]
    page.select_option("#voice-a", voices[0])
    page.select_option("#voice-b", voices[1])
    page.locator("#first-filters button[type=submit]").click()
    page.wait_for_selector("#head-to-head")
    assert re.search(r"\d+ stor(y|ies) with both", page.locator("#head-to-head .counts").inner_text())
    shot(page, "10-first")

    page.go_back()
    page.wait_for_selector("#lead-times")
    page.locator("header nav a", has_text="Overview").click()
    assert "language=fr" in page.url and page.locator(".filters-kept").is_visible()
    assert page.problems == []
