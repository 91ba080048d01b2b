"""The read-only dashboard: pages for people (Jinja2, htmx) and a JSON API over one dyads database.

`create_app(db_path)` opens the database read-only once; each request works on its own cursor, so
nothing a request does can write. Every query takes the user's values as parameters, templates
autoescape, and every response carries a Content-Security-Policy that allows only the dashboard's own
scripts and styles (no inline code, no eval), `nosniff` and `no-referrer`. Bad query parameters get a
4xx answer that says which one is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from dyads.compare import claim_label, comparison_json, story_json
from dyads.errors import DyadsError
from dyads.gazetteer import packaged_gazetteer, point_of
from dyads.model import Story
from dyads.report import MAP_LIBRARIES, report_data, script_safe_json, world_outlines
from dyads.store import EventFilters, Store
from dyads.topics import topic_name

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
Mode = Literal["", "asserted", "intended", "threatened", "denied", "hypothetical"]
Day = Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")]
Root = Annotated[str, Query(pattern=r"^(0[1-9]|1[0-9]|20)?$", description="CAMEO root, 01..20")]
Code = Annotated[
    str, Query(max_length=15, pattern=r"^([A-Za-z]{3}[A-Za-z]*)?$", description="CAMEO actor code prefix")
]
Pair = Annotated[str, Query(pattern=r"^([A-Za-z]{3}-[A-Za-z]{3})?$", description="two countries: RUS-UKR")]
Plover = Annotated[str, Query(max_length=20, pattern=r"^[A-Za-z]*$", description="PLOVER category")]
Text = Annotated[str, Query(max_length=200)]
StoryId = Annotated[str, PathParameter(max_length=64)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Kilometres = Annotated[float, Query(gt=0, le=20_000)]


def create_app(db_path: str | Path) -> FastAPI:
    """The dashboard and API for one database, opened read-only."""
    store = Store.open(db_path, read_only=True)
    app = FastAPI(
        title="dyads",
        version=version("dyads"),
        summary="Events, stories and cross-source comparison from a dyads database (read-only).",
        docs_url=None,
        redoc_url=None,
    )
    templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
    world = Markup(script_safe_json(json.loads(world_outlines())))
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")

    @contextmanager
    def reading() -> Iterator[Store]:
        cursor = store.connection.cursor()
        try:
            yield Store(cursor, store.path)
        finally:
            cursor.close()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, error: RequestValidationError) -> Response:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in error.errors()
        ]
        return _problem(request, 422, "; ".join(problems), templates)

    @app.exception_handler(HTTPException)
    async def http_problem(request: Request, error: HTTPException) -> Response:
        return _problem(request, error.status_code, str(error.detail), templates)

    def filters(
        actor,
        pair,
        date_from,
        date_to,
        root,
        plover,
        mode,
        outlet,
        q,
        topic="",
        context="",
        near="",
        km=100.0,
    ) -> EventFilters:
        """Filters from query values; a form sends empty fields for what it leaves alone."""
        first, last = _day(date_from, "date_from"), _day(date_to, "date_to")
        if first and last and first > last:
            raise HTTPException(422, "date_from must not be after date_to")
        name = topic_name(topic) if topic else ""
        point = _point(near) if near else None
        return EventFilters(actor, pair, first, last, root, plover, mode, outlet, q, name, context, point, km)

    @app.get("/api/events", tags=["api"])
    def api_events(
        actor: Code = "", pair: Pair = "", date_from: Day = "", date_to: Day = "",
        root: Root = "", plover: Plover = "", mode: Mode = "", outlet: Text = "", q: Text = "",
        topic: Text = "", context: Plover = "", near: Text = "", km: Kilometres = 100.0,
        limit: Limit = PAGE_SIZE, offset: Offset = 0,
    ) -> dict:  # fmt: skip
        """Events matching the filters, newest first, a page at a time. `near` (a place name or
        `LAT,LON`) with `km` keeps events placed within that distance, more precisely than a country."""
        chosen = filters(
            actor, pair, date_from, date_to, root, plover, mode, outlet, q, topic, context, near, km
        )
        with reading() as db:
            rows, total = db.events_page(chosen, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/dyads", tags=["api"])
    def api_dyads(pair: Pair = "", limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict:
        """The country pairs with most events; with `pair`, that pair's weekly series."""
        with reading() as db:
            pairs = [p.__dict__ for p in db.pair_summaries(limit)]
            chosen = "-".join(sorted(pair.upper().split("-"))) if pair else ""
            series = db.weekly_series([chosen]) if chosen else {}
        weeks = {
            key: [{**p.__dict__, "week": p.week.isoformat()} for p in points]
            for key, points in series.items()
        }
        return {"pairs": pairs, "series": weeks}

    @app.get("/api/stories", tags=["api"])
    def api_stories(topic: Text = "", limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict:
        """Stories, biggest first, with their articles and conflicts; `topic` keeps those about it."""
        with reading() as db:
            found = db.stories(topic=topic_name(topic) if topic else None)
        return {"total": len(found), "stories": [story_json(s) for s in found[offset : offset + limit]]}

    @app.get("/api/stories/{story_id}", tags=["api"])
    def api_story(story_id: StoryId) -> dict:
        """One story's comparison: corroborated and single-source claims, and conflicts."""
        with reading() as db:
            return comparison_json(db.story_comparison(_story(db, story_id)))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> Response:
        with reading() as db:
            data = report_data(db, with_stories=False)
        context = {
            "data_json": Markup(script_safe_json(data)),
            "world_json": world,
            "map_libraries": MAP_LIBRARIES,
        }
        return templates.TemplateResponse(request, "overview.html", context)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request, actor: Code = "", pair: Pair = "", date_from: Day = "",
        date_to: Day = "", root: Root = "", plover: Plover = "", mode: Mode = "",
        outlet: Text = "", q: Text = "", near: Text = "", km: Kilometres = 100.0,
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> Response:  # fmt: skip
        chosen = filters(actor, pair, date_from, date_to, root, plover, mode, outlet, q, near=near, km=km)
        with reading() as db:
            rows, total = db.events_page(chosen, PAGE_SIZE, (page - 1) * PAGE_SIZE)
            outlets = sorted(o for o in db.outlets() if o != "(unknown)")
        query = {k: v for k, v in request.query_params.items() if k != "page" and v}
        context = {"events": rows, "total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)),
                   "query": query, "outlets": outlets, "filters": chosen, "near": near,
                   "km": f"{km:g}"}  # fmt: skip
        partial = request.headers.get("HX-Request") == "true"
        return templates.TemplateResponse(request, "_events.html" if partial else "events.html", context)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request) -> Response:
        with reading() as db:
            found = db.stories()
        return templates.TemplateResponse(request, "stories.html", {"stories": found})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: StoryId) -> Response:
        with reading() as db:
            story = _story(db, story_id)
            comparison = db.story_comparison(story)
        names = {a.doc: a.source for a in story.articles} | {"actor dictionary": "actor dictionary"}
        context = {"story": story, "comparison": comparison, "names": names, "label": claim_label}
        return templates.TemplateResponse(request, "story.html", context)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        """The API's endpoints and parameters, from its OpenAPI schema (also at /openapi.json)."""
        return templates.TemplateResponse(request, "api.html", {"schema": app.openapi()})

    return app


def _point(near: str) -> tuple[float, float]:
    try:
        return point_of(near, packaged_gazetteer())
    except DyadsError as error:
        raise HTTPException(422, f"near: {error}") from None


def _day(value: str, name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _story(db: Store, story_id: str) -> Story:
    try:
        return db.story(story_id)
    except DyadsError:
        raise HTTPException(404, f"no story {story_id!r}") from None


def _problem(request: Request, status: int, message: str, templates: Jinja2Templates) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": message}, status_code=status)
    return templates.TemplateResponse(
        request, "problem.html", {"status": status, "message": message}, status_code=status
    )
