"""The dashboard in-process: every page and its JSON twin, the error envelope, the security headers,
CSRF on writes, hostile search input. A hand-built corpus, no model."""

import re

import pytest
from fastapi.testclient import TestClient
from helpers import analysis_of, build_corpus

from voxmap.corpus.store import connect
from voxmap.web import create_app
from voxmap.web.security import CSRF_COOKIE

TEXT = "“We will strike on Monday,” said X. “No strike,” said Y. “Maybe later,” said a source."
SPANS = [(TEXT.index(q), TEXT.index(q) + len(q)) for q in ("We will strike on Monday", "No strike", "Maybe later")]
UNION, MINISTRY, SOURCE = ("Rempart", "organization"), ("Interior Ministry", "organization"), ("a source", "anonymous")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    conn = connect(path)
    build_corpus(
        conn,
        [
            analysis_of(
                TEXT,
                SPANS,
                id="early",
                published="2024-03-01T08:00:00",
                story="s1",
                source="Daily",
                speakers={1: UNION, 2: MINISTRY, 3: SOURCE},
            ),
            analysis_of(
                TEXT,
                SPANS[:1],
                id="late",
                published="2024-03-02T08:00:00",
                story="s1",
                source="Weekly",
                speakers={1: MINISTRY},
            ),
            analysis_of(
                TEXT,
                SPANS[1:2],
                id="other",
                published="2024-04-02T08:00:00",
                story="s2",
                source="Weekly",
                speakers={1: UNION},
            ),
        ],
    )
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


@pytest.fixture
def reviewer(tmp_path, db):
    """A review-mode client over its own copy of the database (writes must not leak between tests)."""
    copy = tmp_path / "review.db"
    source = connect(db)
    source.execute("VACUUM INTO ?", (str(copy),))
    source.close()
    client = TestClient(create_app(copy, review_mode=True))
    client.get("/")  # receives its CSRF cookie
    return client


def ids(client):
    data = client.get("/.json").json()["data"]
    actor = data["actors"][0]["actor_id"]
    story = data["first_voice"]["stories"][0]["story_id"]
    return actor, story


PAGES = [
    "/",
    "/actors/{actor}",
    "/stories",
    "/stories/{story}",
    "/articles/early",
    "/search?q=strike",
    "/network",
    "/network/edges/{actor}-{other}",
    "/echoes",
]


def page_paths(client):
    actor, story = ids(client)
    other = next(
        a["actor_id"] for a in client.get("/.json").json()["data"]["actors"] if a["actor_id"] not in (actor, None)
    )
    return [p.format(actor=actor, story=story, other=other) for p in PAGES]


def json_twin(path):
    base, _, query = path.partition("?")
    return (base.rstrip("/") or "/") + ".json" + (f"?{query}" if query else "")  # "/" -> "/.json"


def test_every_page_renders_and_has_a_json_twin(client):
    for path in page_paths(client):
        html = client.get(path)
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html")
        assert "<main>" in html.text
        twin = client.get(json_twin(path))
        assert twin.status_code == 200, json_twin(path)
        body = twin.json()
        assert body["ok"] is True and isinstance(body["data"], dict)


def test_overview_names_the_first_voice_and_anonymity(client):
    data = client.get("/.json").json()["data"]
    first = {s["story"]: s["voice"] for s in data["first_voice"]["stories"]}
    assert sorted(first.values()) == ["Rempart", "Rempart"]
    rates = {row["group"]: row["anonymity_rate"] for row in data["anonymity"]}
    assert rates["Daily"] == pytest.approx(1 / 3, abs=1e-3) and rates["Weekly"] == 0.0


@pytest.mark.parametrize(
    "path, status",
    [
        ("/actors/999999.json", 404),
        ("/actors/999999", 404),
        ("/stories/424242.json", 404),
        ("/articles/nope.json", 404),
        ("/quotes/999999.json", 404),
        ("/actors/abc.json", 422),
        ("/no/such/page", 404),
        ("/review.json", 403),
        ("/actors/1.json?page=x", 422),
    ],
)
def test_errors_share_one_envelope(client, path, status):
    response = client.get(path, headers={"accept": "application/json"})
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == status
    assert body["error"]


def test_html_errors_are_pages_with_the_same_status(client):
    response = client.get("/actors/999999")
    assert response.status_code == 404 and "Error 404" in response.text


def test_every_response_carries_the_security_headers(client):
    for path in ["/", "/.json", "/static/voxmap.js", "/nope"]:
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_article_segments_slice_back_and_cover_the_text(client):
    data = client.get("/articles/early.json").json()["data"]
    text = data["article"]["text"]
    assert "".join(seg["text"] for seg in data["segments"]) == text
    for seg in data["segments"]:
        assert text[seg["start"] : seg["end"]] == seg["text"]
    for quote in data["quotes"]:
        for span in quote["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
        if quote["mention_start"] is not None:
            assert text[quote["mention_start"] : quote["mention_end"]] == quote["mention_text"]
    marked = [seg for seg in data["segments"] if seg["quotes"]]
    assert {seg["text"] for seg in marked} >= {"We will strike on Monday"}


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR (", "strike*", "x' OR 1=1 --", "NEAR(", "ü", ""])
def test_hostile_search_input_is_harmless(client, query):
    response = client.get("/search.json", params={"q": query, "actor": "x' OR '1'='1"})
    assert response.status_code == 200
    assert response.json()["data"]["results"] == []


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "strike"}, {"We will strike on Monday", "No strike"}),
        ({"q": '"no strike"'}, {"No strike"}),
        ({"q": "strike", "outlet": "Daily"}, {"We will strike on Monday", "No strike"}),
        ({"q": "strike", "since": "2024-04-01"}, {"No strike"}),
        ({"q": "monday", "until": "2024-03-01"}, {"We will strike on Monday"}),
        ({"q": "strike", "actor": "Interior Ministry"}, {"We will strike on Monday", "No strike"}),
        ({"q": "later", "language": "fr"}, set()),
        ({"organization": "Rempart"}, {"We will strike on Monday", "No strike"}),
    ],
)
def test_search_filters(client, params, expected):
    results = client.get("/search.json", params=params).json()["data"]["results"]
    assert {row["text"] for row in results} == expected


def test_writes_are_refused_without_review_mode(client):
    quote = client.get("/articles/early.json").json()["data"]["quotes"][0]["id"]
    response = client.post(
        f"/review/quotes/{quote}", data={"status": "rejected"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("token", [None, "wrong"])
def test_writes_need_the_csrf_token(reviewer, token):
    quote = reviewer.get("/articles/early.json").json()["data"]["quotes"][0]["id"]
    data = {"status": "rejected"} | ({"csrf": token} if token else {})
    response = reviewer.post(f"/review/quotes/{quote}", data=data, headers={"accept": "application/json"})
    assert response.status_code == 403 and response.json()["ok"] is False
    assert reviewer.get("/review.json").json()["data"]["quotes"] == []


def test_a_correction_made_in_the_browser_is_kept_and_measured(reviewer):
    token = reviewer.cookies[CSRF_COOKIE]
    quotes = reviewer.get("/articles/early.json").json()["data"]["quotes"]
    first = quotes[0]["id"]
    response = reviewer.post(
        f"/review/quotes/{first}",
        data={"csrf": token, "speaker_type": "person", "speaker_name": "Jeanne Roux"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and f"quote={first}" in response.headers["location"]
    quote = reviewer.get(f"/quotes/{first}.json").json()["data"]["quote"]
    assert (quote["actor"], quote["reviewed"]) == ("Jeanne Roux", "corrected")
    voices = {v["voice"] for v in reviewer.get("/.json").json()["data"]["voices"]}
    assert "Jeanne Roux" in voices
    listed = reviewer.get("/review.json").json()["data"]["quotes"]
    assert [c["speaker_name"] for c in listed] == ["Jeanne Roux"]
    # htmx posts get the refreshed panel back, with the token in a header
    panel = reviewer.post(
        f"/review/quotes/{quotes[1]['id']}",
        data={"status": "rejected"},
        headers={"hx-request": "true", "x-csrf-token": token},
    )
    assert panel.status_code == 200 and "rejected" in panel.text and "<html" not in panel.text
    assert 'id="article-quotes" hx-swap-oob="true"' in panel.text  # the article's list follows


def test_merge_through_the_dashboard(reviewer):
    token = reviewer.cookies[CSRF_COOKIE]
    actors = {a["actor"]: a["actor_id"] for a in reviewer.get("/.json").json()["data"]["actors"]}
    response = reviewer.post(
        f"/review/actors/{actors['Interior Ministry']}/merge",
        data={"csrf": token, "into": "Rempart"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    merged = reviewer.get(response.headers["location"] + ".json").json()["data"]
    assert merged["actor"]["name"] == "Rempart"
    assert {n["name"] for n in merged["names"]} == {"Rempart", "Interior Ministry"}
    bad = reviewer.post(
        f"/review/actors/{merged['actor']['id']}/merge",
        data={"csrf": token, "into": "Nobody"},
        headers={"accept": "application/json"},
    )
    assert bad.status_code == 422 and bad.json()["ok"] is False
    fragment = reviewer.post(
        f"/review/actors/{merged['actor']['id']}/merge",
        data={"into": "Nobody"},
        headers={"hx-request": "true", "x-csrf-token": token},
    )
    assert fragment.status_code == 422 and 'role="alert"' in fragment.text and "<html" not in fragment.text


def test_pages_link_to_each_other(client):
    """Overview -> story -> the first voice's quote in its article: the three clicks of the brief."""
    overview = client.get("/").text
    story = re.search(r'href="(/stories/\d+)"', overview).group(1)
    story_page = client.get(story).text
    assert "First voice: Rempart" in story_page
    quote = re.search(r'href="(/articles/[^"?]+\?quote=\d+)#q\d+" class="quote-link first"', story_page).group(1)
    article = client.get(quote.replace("&amp;", "&")).text
    assert "How this quote was attributed" in article and "said" in article


def test_searches_with_too_many_matches_list_the_latest_stored_first(db, monkeypatch):
    from voxmap.corpus import search

    conn = connect(db)
    ranked = search.search_quotes(conn, "strike")
    assert ranked["ranked"] and ranked["matches"] == 4  # two quotes, each in two articles
    monkeypatch.setattr(search, "RANK_LIMIT", 1)
    unranked = search.search_quotes(conn, "strike")
    assert not unranked["ranked"]
    ids = [row["quote_id"] for row in unranked["results"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 4
    conn.close()


@pytest.mark.parametrize(
    "mark, status", [("4-30", 200), ("0-1", 200), ("30-4", 404), ("5-99999", 404), ("x-3", 422), ("3", 422)]
)
def test_an_evidence_span_is_marked_in_its_article(client, mark, status):
    response = client.get(f"/articles/early.json?mark={mark}")
    assert response.status_code == status
    if status == 200:
        data = response.json()["data"]
        start, end = (int(n) for n in mark.split("-"))
        marked = "".join(seg["text"] for seg in data["segments"] if seg["evidence"])
        assert marked == data["article"]["text"][start:end]
        assert 'id="evidence"' in client.get(f"/articles/early?mark={mark}").text


def test_an_unexpected_failure_still_answers_with_the_envelope(db, monkeypatch):
    from voxmap.corpus import pages

    def broken(conn, story_id):
        raise RuntimeError("boom")

    monkeypatch.setattr(pages, "story_page", broken)
    client = TestClient(create_app(db), raise_server_exceptions=False)
    response = client.get("/stories/1.json")
    assert response.status_code == 500
    assert response.json() == {
        "ok": False,
        "status": 500,
        "error": "internal error (RuntimeError): please report it with the address",
    }


def test_article_text_cannot_break_out_of_the_page(tmp_path):
    """Quotes are data: markup in them is shown, never run, in the text and in the charts' JSON blocks."""
    import json

    from voxmap.web import charts

    hostile = "</script><script>alert(1)</script><!--"
    text = f"“{hostile}” said X."
    conn = connect(tmp_path / "xss.db")
    build_corpus(conn, [analysis_of(text, [(1, 1 + len(hostile))], id="x", story="s", speakers={1: UNION})])
    conn.close()
    client = TestClient(create_app(tmp_path / "xss.db"))
    story = client.get("/.json").json()["data"]["first_voice"]["stories"][0]["story_id"]
    for path in ["/articles/x", f"/stories/{story}", "/search?q=alert"]:
        page = client.get(path).text
        assert "<script>alert(1)" not in page and "<!--" not in page
        assert "&lt;script&gt;alert(1)" in page
    embedded = str(charts.story_voices([{"published": "2024-01-01", "voice": "v", "actor": "a", "text": hostile}]))
    assert "<" not in embedded and json.loads(embedded)["data"]["values"][0]["text"] == hostile


@pytest.mark.parametrize("q, labels", [("", 2), ("zzz", 0), ("%", 0), ("_", 0)])
def test_stories_list_and_filter(client, q, labels):
    data = client.get("/stories.json", params={"q": q}).json()["data"]
    assert len(data["stories"]) == labels
    if labels:
        assert {s["voice"] for s in data["stories"]} == {"Rempart"}
        published = [s["first_published"] for s in data["stories"]]
        assert published == sorted(published, reverse=True)


def test_split_through_the_dashboard(tmp_path):
    conn = connect(tmp_path / "split.db")
    build_corpus(
        conn,
        [
            analysis_of(TEXT, SPANS[:1], id=f"a{i}", story="s", speakers={1: (name, "person")})
            for i, name in enumerate(["Ann Roy", "Roy"])
        ],
    )
    conn.close()
    client = TestClient(create_app(tmp_path / "split.db", review_mode=True))
    client.get("/")
    actor = client.get("/.json").json()["data"]["actors"][0]["actor_id"]
    assert {n["name"] for n in client.get(f"/actors/{actor}.json").json()["data"]["names"]} == {"Ann Roy", "Roy"}
    response = client.post(
        f"/review/actors/{actor}/split",
        data={"csrf": client.cookies[CSRF_COOKIE], "name": "Roy"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    split = client.get(response.headers["location"] + ".json").json()["data"]
    assert split["actor"]["name"] == "Roy" and split["actor"]["id"] != actor
    assert [c["action"] for c in client.get("/review.json").json()["data"]["actors"]] == ["split"]


def test_the_pinned_front_end_libraries_are_served(client):
    from voxmap.web import missing_assets

    assert missing_assets() == [], "run `make venv`: it installs them from npm"
    for name in ["htmx.min.js", "vega-interpreter.js", "cytoscape.min.js"]:
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200 and len(response.content) > 1000


def test_edge_evidence_finds_the_relations_between_two_actors_however_many_others(tmp_path):
    from voxmap.records import Relation, Span

    def with_relation(n, other, published):
        analysis = analysis_of(
            TEXT, SPANS[:2], id=f"r{n}", story="s", published=published, speakers={1: UNION, 2: other}
        )
        subject, target = analysis.actors
        analysis.relations.append(Relation(subject.id, "opposes", target.id, Span.of(TEXT, 0, 30), 0.9))
        return analysis

    conn = connect(tmp_path / "rel.db")
    build_corpus(
        conn,
        [with_relation(0, MINISTRY, "2024-01-01T08:00:00")]
        + [with_relation(n, ("Ann Roy", "person"), "2024-02-01T08:00:00") for n in range(1, 230)],
    )
    ids = {row[0]: row[1] for row in conn.execute("SELECT name, id FROM actors")}
    conn.close()
    client = TestClient(create_app(tmp_path / "rel.db"))
    data = client.get(f"/network/edges/{ids['Rempart']}-{ids['Interior Ministry']}.json").json()["data"]
    assert [(r["subject"], r["predicate"], r["object"]) for r in data["relations"]] == [
        ("Rempart", "opposes", "Interior Ministry")
    ]


@pytest.mark.parametrize(
    "path, table",
    [
        ("/overview.csv", "share_of_voice"),
        ("/stories.csv", "stories"),
        ("/trends.csv", "voice_over_time"),
        ("/first.csv?a=Rempart&b=Interior+Ministry", "head_to_head"),
        ("/actors.csv", "actors"),
        ("/voices.csv", "voices"),
        ("/search.csv?q=strike", "results"),
    ],
)
def test_every_table_page_has_a_csv_twin(client, path, table):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0].startswith("table,") and any(line.startswith(f"{table},") for line in lines[1:])
    excel = client.get(path + ("&" if "?" in path else "?") + "excel=1")
    assert excel.content.startswith(b"\xef\xbb\xbf")


def test_csv_for_excel_defuses_formulas():
    from voxmap.render.tables import page_csv

    data = {"voices": [{"name": "=HYPERLINK(1)", "quotes": 1}, {"name": "Rempart", "quotes": 2}]}
    assert "'=HYPERLINK(1)" in page_csv("voices", data, excel=True)
    assert "\n=HYPERLINK(1)" not in page_csv("voices", data, excel=True)
    assert "voices,=HYPERLINK(1)" in page_csv("voices", data)  # the plain CSV keeps the text as written


def test_filters_apply_and_travel_with_the_navigation(client):
    weekly = client.get("/trends.json?outlet=Weekly").json()["data"]
    assert sum(p["quotes"] for p in weekly["voice_over_time"]["periods"]) == 2
    page = client.get("/trends?outlet=Weekly&kinds=direct")
    assert 'href="/first?outlet=Weekly&amp;kinds=direct"' in page.text
    overview = client.get("/?outlet=Weekly")
    assert "filters-kept" in overview.text  # the overview shows the whole corpus and says so
    assert "filters-kept" not in client.get("/voices?outlet=Weekly").text
    voices = {v["name"]: v["quotes"] for v in client.get("/voices.json?outlet=Weekly").json()["data"]["voices"]}
    assert voices == {"Interior Ministry": 1, "Rempart": 1}


@pytest.mark.parametrize(
    "path",
    ["/trends?since=2016-13-45", "/voices.json?until=yesterday", "/actors?sort=bogus", "/trends.json?kinds=paraphrase",
     "/first.json?a=Rempart&b=Rempart", "/trends.json?period=fortnight", "/search.json?q=-strike"],
)  # fmt: skip
def test_impossible_filters_are_refused_not_ignored(client, path):
    response = client.get(path)
    assert response.status_code == 400


def test_head_to_head_and_tone_change_pages(client):
    first = client.get("/first.json?a=Rempart&b=Interior+Ministry").json()["data"]["head_to_head"]
    assert (first["stories_both"], first["a_first"], first["b_first"]) == (1, 1, 0)
    change = client.get("/trends.json?change_voice=Rempart&change_at=2024-03-15").json()["data"]["tone_change"]
    assert change["voice"] == "Rempart" and change["at"] == "2024-03-15"


def test_network_hides_unlinked_actors_unless_asked(client):
    default = client.get("/network.json").json()["data"]
    everyone = client.get("/network.json?isolated=true").json()["data"]
    strong = client.get("/network.json?min_weight=50").json()["data"]
    assert len(everyone["nodes"]) >= len(default["nodes"]) and strong["nodes"] == []
    assert strong["hidden_isolated"] == len(everyone["nodes"])


def test_the_network_keeps_one_outlets_quotes(client):
    weekly = client.get("/network.json?outlet=Weekly&isolated=true").json()["data"]
    everyone = client.get("/network.json?isolated=true").json()["data"]
    assert weekly["outlet"] == "Weekly" and sum(n["quotes"] for n in weekly["nodes"]) == 2
    assert sum(n["quotes"] for n in everyone["nodes"]) > 2
