"""The dashboard's routes. Each page asks voxmap.corpus.pages (or voxmap.corpus.review) for one dict
and renders it: as HTML, or as JSON when the path ends in `.json`. Errors share one envelope,
{"ok": false, "error": ..., "status": ...}, in JSON and on the HTML error page alike.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as FastPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from ..corpus import pages, review, search, trend_pages
from ..corpus.corrections import KINDS, SPEAKER_TYPES
from ..corpus.store.db import connect, store_errors
from ..corpus.trends import FILTER_NAMES, Filters
from ..errors import NotFound, ReviewError, VoxmapError
from ..render.tables import has_csv, page_csv
from . import charts
from .security import CSRF_FIELD, Guard, csrf_ok

HERE = Path(__file__).parent
# SQLite integers are 64-bit: a larger id in an address is a 422, never a 500.
RowId = Annotated[int, FastPath(ge=0, le=2**63 - 1)]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith((".json", ".csv")) or "application/json" in request.headers.get("accept", "")


def page_filters(
    since: str = "",
    until: str = "",
    outlet: str = "",
    language: str = "",
    kinds: Annotated[list[str], Query()] = [],  # noqa: B006 (FastAPI copies defaults)
) -> Filters:
    """The filters a page takes from its address (checked: a date that does not exist is a 400);
    kinds come as repeated parameters (checkboxes) or comma-separated."""
    return Filters.from_query(since, until, outlet, language, ",".join(kinds))


PageFilters = Annotated[Filters, Depends(page_filters)]
# The pages the shared filters apply to; the others show the whole corpus and say so.
FILTERED_PAGES = {"trends", "first", "actors", "voices", "search", "network"}


def carried(request: Request) -> str:
    """The filters of this address, as a query string the navigation links keep ("" when none)."""
    kept = [(name, value) for name, value in request.query_params.multi_items() if name in FILTER_NAMES and value]
    return ("?" + urlencode(kept)) if kept else ""


def twins(request: Request, csv: bool) -> dict[str, str]:
    """The addresses of this page's JSON and CSV twins, with its query."""
    path, query = request.url.path, request.url.query
    suffix = f"?{query}" if query else ""
    out = {"json": f"{path}.json{suffix}"}
    if csv:
        out["csv"] = f"{'/overview' if path == '/' else path}.csv{suffix}"
    return out


def create_app(db: str | Path, *, review_mode: bool = False, openapi: bool = False) -> FastAPI:
    """The dashboard over the voxmap database `db`; `review_mode` enables corrections; `openapi`
    serves the JSON twins' schema at /openapi.json (off unless asked)."""
    db = Path(db)
    _check_database(db)
    app = FastAPI(
        title="voxmap",
        summary="The JSON twins of the voxmap dashboard's pages.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if openapi else None,
    )
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(
        review_mode=review_mode,
        kinds=KINDS,
        speaker_types=SPEAKER_TYPES,
        csrf_field=CSRF_FIELD,
        carried=carried,
        filter_names=FILTER_NAMES,
    )
    templates.env.filters.update(
        percent=lambda x: f"{100 * (x or 0):.0f} %",
        day=lambda s: (s or "")[:10],
        when=lambda s: (s or "").replace("T", " ")[:16],
    )

    @contextmanager
    def database():
        conn = connect(db)
        try:
            yield conn
        finally:
            conn.close()

    def render(request: Request, template: str, data: dict, **context) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"ok": True, "data": data})
        page = template.removesuffix(".html")
        if request.url.path.endswith(".csv"):  # the page's tables; ?excel=1 for a spreadsheet
            return Response(
                page_csv(page, data, excel=request.query_params.get("excel") == "1"),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="voxmap-{page}.csv"'},
            )
        return templates.TemplateResponse(
            request,
            template,
            {
                "data": data,
                "csrf": request.state.csrf,
                "charts": charts,
                "twins": twins(request, has_csv(page)),
                "filtered": page in FILTERED_PAGES,
                **context,
            },
        )

    def envelope(request: Request, status: int, message: str) -> Response:
        body = {"ok": False, "error": message, "status": status}
        if _wants_json(request):
            return JSONResponse(body, status_code=status)
        csrf = getattr(request.state, "csrf", "")  # unset when the error escaped the middleware
        return templates.TemplateResponse(request, "error.html", {"data": body, "csrf": csrf}, status_code=status)

    @app.exception_handler(VoxmapError)
    async def voxmap_error(request: Request, error: VoxmapError):
        status = 404 if isinstance(error, NotFound) else 422 if isinstance(error, ReviewError) else 400
        return envelope(request, status, f"{error.message} {error.hint}".strip())

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        return envelope(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return envelope(request, 422, f"invalid request: {problems}")

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, error: sqlite3.Error):
        return envelope(request, 500, f"database error: {error}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        return envelope(request, 500, f"internal error ({type(error).__name__}): please report it with the address")

    # Pages: the `.json` twin is registered first so that "/actors/3.json" never reads as an id.
    @app.get("/")
    @app.get("/.json")
    @app.get("/overview.csv")
    def overview(request: Request):
        with database() as conn:
            return render(request, "overview.html", pages.overview(conn))

    @app.get("/actors/{actor_id}")
    @app.get("/actors/{actor_id}.json")
    def actor(request: Request, actor_id: RowId, page: PageNumber = 1):
        with database() as conn:
            moved = pages.actor_redirect(conn, actor_id)
            if moved is not None:  # merged into another actor since the link was made
                suffix = ".json" if request.url.path.endswith(".json") else ""
                return RedirectResponse(f"/actors/{moved}{suffix}", status_code=301)
            return render(request, "actor.html", pages.actor_page(conn, actor_id, page))

    @app.get("/stories")
    @app.get("/stories.json")
    @app.get("/stories.csv")
    def stories(request: Request, q: str = "", page: PageNumber = 1):
        with database() as conn:
            return render(request, "stories.html", pages.stories_page(conn, q, page))

    @app.get("/stories/{story_id}")
    @app.get("/stories/{story_id}.json")
    def story(request: Request, story_id: RowId):
        with database() as conn:
            return render(request, "story.html", pages.story_page(conn, story_id))

    @app.get("/articles/{article_id}")
    @app.get("/articles/{article_id}.json")
    def article(
        request: Request,
        article_id: str,
        quote: Annotated[int | None, Query(ge=0, le=2**63 - 1)] = None,
        mark: str | None = Query(None, pattern=r"^\d+-\d+$", description="characters START-END to mark"),
    ):
        evidence = tuple(int(n) for n in mark.split("-")) if mark else None
        with database() as conn:
            data = pages.article_page(conn, article_id, evidence)
        data["selected"] = next((q for q in data["quotes"] if q["id"] == quote), None)
        return render(request, "article.html", data)

    @app.get("/quotes/{quote_id}")
    @app.get("/quotes/{quote_id}.json")
    def quote(request: Request, quote_id: RowId):
        """How one quote was attributed: a panel for htmx, its article page for a plain link."""
        with database() as conn:
            data = pages.quote_page(conn, quote_id)
        if request.url.path.endswith(".json"):
            return render(request, "", {"quote": data["selected"], "article_id": data["article"]["id"]})
        if request.headers.get("hx-request"):
            return render(request, "quote_panel.html", data)
        return RedirectResponse(_quote_url(data), status_code=303)

    @app.get("/search")
    @app.get("/search.json")
    @app.get("/search.csv")
    def search_page(
        request: Request,
        q: str = "",
        actor: str = "",
        organization: str = "",
        outlet: str = "",
        language: str = "",
        since: str = "",
        until: str = "",
        page: PageNumber = 1,
    ):
        with database() as conn:
            return render(
                request,
                "search.html",
                search.search_quotes(
                    conn,
                    q,
                    actor=actor,
                    organization=organization,
                    outlet=outlet,
                    language=language,
                    since=since,
                    until=until,
                    page=page,
                ),
            )

    @app.get("/echoes")
    @app.get("/echoes.json")
    @app.get("/echoes.csv")
    def echoes(request: Request):
        with database() as conn:
            return render(request, "echoes.html", pages.echoes_page(conn))

    @app.get("/trends")
    @app.get("/trends.json")
    @app.get("/trends.csv")
    def trends_view(
        request: Request,
        filters: PageFilters,
        period: str = "auto",
        voice: Annotated[list[str], Query()] = [],  # noqa: B006 (FastAPI copies defaults)
        top: Annotated[int, Query(ge=1, le=30)] = 8,
        change_voice: str = "",
        change_at: str = "",
    ):
        with database() as conn:
            data = trend_pages.trends_page(conn, filters, period, tuple(voice), top, change_voice, change_at)
            return render(request, "trends.html", data)

    @app.get("/first")
    @app.get("/first.json")
    @app.get("/first.csv")
    def first_view(request: Request, filters: PageFilters, a: str = "", b: str = ""):
        with database() as conn:
            return render(request, "first.html", trend_pages.first_page(conn, filters, a, b))

    @app.get("/actors")
    @app.get("/actors.json")
    @app.get("/actors.csv")
    def actors_view(
        request: Request, filters: PageFilters, q: str = "", kind: str = "", sort: str = "quotes", page: PageNumber = 1
    ):
        with database() as conn:
            return render(request, "actors.html", trend_pages.actors_index(conn, filters, q, kind, sort, page))

    @app.get("/voices")
    @app.get("/voices.json")
    @app.get("/voices.csv")
    def voices_view(request: Request, filters: PageFilters, sort: str = "quotes"):
        with database() as conn:
            return render(request, "voices.html", trend_pages.voices_index(conn, filters, sort))

    @app.get("/network")
    @app.get("/network.json")
    def network(
        request: Request,
        filters: PageFilters,
        min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
        isolated: bool = False,
    ):
        with database() as conn:
            return render(request, "network.html", pages.network_page(conn, filters.window, min_weight, isolated))

    @app.get("/network/edges/{source}-{target}")
    @app.get("/network/edges/{source}-{target}.json")
    def edge(request: Request, source: RowId, target: RowId):
        with database() as conn:
            return render(request, "edge.html", pages.edge_evidence(conn, source, target))

    @app.get("/actor-names.json")
    def actor_names(request: Request, prefix: str = ""):
        with database() as conn:
            return render(request, "", {"actors": pages.actor_choices(conn, prefix)})

    # Review: every write checks the CSRF token and answers like the page it came from.
    def writable():
        if not review_mode:
            raise HTTPException(403, "review is off: start the dashboard with `voxmap serve --review`")

    async def checked_form(request: Request) -> dict:
        writable()
        if not await csrf_ok(request):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return dict(await request.form())

    def after_write(request: Request, conn: sqlite3.Connection, back: str, quote_id: int | None = None) -> Response:
        if quote_id is not None:
            data = pages.quote_page(conn, quote_id)
            back = _quote_url(data)
            if request.headers.get("hx-request"):  # the panel, and the article's quote list out of band
                return render(request, "quote_panel.html", data, oob=True)
        if _wants_json(request):
            return JSONResponse({"ok": True, "data": {"redirect": back}})
        return RedirectResponse(back, status_code=303)

    @app.get("/review")
    @app.get("/review.json")
    def review_page(request: Request):
        writable()
        with database() as conn:
            return render(request, "review.html", pages.review_page(conn))

    @app.post("/review/quotes/{quote_id}")
    async def correct_quote(request: Request, quote_id: RowId):
        form = await checked_form(request)
        with database() as conn:
            review.correct_quote(
                conn,
                quote_id,
                status=form.get("status") or None,
                kind=form.get("kind") or None,
                speaker_name=form.get("speaker_name"),
                speaker_type=form.get("speaker_type") or None,
            )
            return after_write(request, conn, "", quote_id)

    @app.post("/review/quotes/{quote_id}/undo")
    async def undo_quote(request: Request, quote_id: RowId):
        await checked_form(request)
        with database() as conn:
            review.undo_quote(conn, quote_id)
            return after_write(request, conn, "", quote_id)

    @app.post("/review/actors/{actor_id}/merge")
    async def merge(request: Request, actor_id: RowId):
        form = await checked_form(request)
        with database() as conn:
            into = review.actor_named(conn, form.get("into", ""))
            return after_write(request, conn, f"/actors/{review.merge_actors(conn, actor_id, into)}")

    @app.post("/review/actors/{actor_id}/split")
    async def split(request: Request, actor_id: RowId):
        form = await checked_form(request)
        with database() as conn:
            return after_write(request, conn, f"/actors/{review.split_actor(conn, actor_id, form.get('name', ''))}")

    @app.post("/review/actor-corrections/{correction_id}/undo")
    async def undo_actor(request: Request, correction_id: RowId):
        await checked_form(request)
        with database() as conn:
            review.undo_actor_correction(conn, correction_id)
            return after_write(request, conn, "/review")

    for route in app.routes:  # the schema describes the JSON twins, not the HTML pages or the review forms
        if isinstance(route, APIRoute):
            route.include_in_schema = route.path.endswith(".json") and route.methods == {"GET"}
    return app


VENDOR_FILES = (
    "htmx.min.js",
    "vega.min.js",
    "vega-lite.min.js",
    "vega-embed.min.js",
    "vega-interpreter.js",
    "cytoscape.min.js",
)


def missing_assets() -> list[str]:
    """The front-end libraries `make venv` copies from npm that are not there (pages work without
    them, charts and the network do not)."""
    return [name for name in VENDOR_FILES if not (HERE / "static" / "vendor" / name).is_file()]


def _check_database(db: Path) -> None:
    """Refuse what is not a voxmap database before serving; bring an older one up to date once
    (rather than in concurrent requests)."""
    conn = connect(db, create=False)
    try:
        with store_errors(db):
            conn.execute("SELECT count(*) FROM articles").fetchone()
    finally:
        conn.close()


def _quote_url(data: dict) -> str:
    quote_id = data["selected"]["id"]
    return f"/articles/{data['article']['id']}?quote={quote_id}#q{quote_id}"
