"""The console's pages. Sync routes on the API's session dependency; each ends its transaction before
returning (api.deps.SessionDep). Every page but sign-in needs a session; every form post a CSRF token."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from api import audit
from api.console import accounts, exports, i18n, queries, sessions
from api.console.errors import (
    AccountLocked,
    ConsoleError,
    CsrfRejected,
    NotSignedIn,
    OutOfScope,
    PasswordChangeRequired,
    PasswordRejected,
    SignInRefused,
)
from api.console.sessions import SignedIn
from api.deps import SessionDep
from api.geo import province_name
from api.models import Officer
from api.security import mask_document_number
from api.timeutil import local_date, utcnow
from catalog import N_, translator
from declaration_spec.nationality import all_nationalities

router = APIRouter(prefix="/console", include_in_schema=False)
_t = translator("console")
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
templates.env.globals.update(
    number=i18n.number, percent=i18n.percent, day=i18n.day, moment=i18n.moment, mask=mask_document_number
)

# Pages hold personal data: never cached, never framed, scripts and styles only from the console itself.
_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# The form fields the console posts: a typed alias per kind of field, so every form bounds them alike.
CsrfField = Annotated[str, Form(max_length=100)]
PasswordField = Annotated[str, Form(max_length=200)]
STATUS_LABELS = {"received": N_("received"), "amended": N_("amended"), "cancelled": N_("cancelled")}
CHANGE_LABELS = {"filed": N_("filed"), "amended": N_("amended"), "cancelled": N_("cancelled")}
_INVALID_FIELDS = {
    "nationality": N_("Nationality must be a 3-letter code such as KOR."),
    "status": N_("Unknown status."),
    "timing": N_("Unknown deadline filter."),
    "establishment_id": N_("Unknown establishment."),
    "arrival_from": N_("The first arrival date is not a date (dd/mm/yyyy)."),
    "arrival_to": N_("The last arrival date is not a date (dd/mm/yyyy)."),
    "page": N_("The page number must be a whole number."),
    "window": N_("Unknown reporting window; showing 16th to 15th."),
    "month": N_("The month must be written yyyy-mm; showing the current window."),
    "from": N_("The start of the range is not a date (dd/mm/yyyy)."),
    "to": N_("The range must end after it starts and last at most 366 days."),
}


def install(app: FastAPI) -> None:
    """The console's errors as pages: sign-in and password redirects, 403 for a stale form, else 404."""

    @app.exception_handler(ConsoleError)
    async def console_error(request: Request, exc: ConsoleError) -> Response:
        lang = i18n.request_language(request)
        if isinstance(exc, NotSignedIn):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/console/login?next={quote(target)}", status_code=303, headers=_HEADERS)
        if isinstance(exc, PasswordChangeRequired):
            return RedirectResponse("/console/password", status_code=303, headers=_HEADERS)
        if isinstance(exc, CsrfRejected):
            message, code = N_("The form has expired. Reload the page and try again."), 403
        else:
            message, code = N_("Not found in your province."), 404
        return _render(request, "error.html", lang, None, code, message=_t(message, lang))


def _render(
    request: Request, name: str, lang: str, who: SignedIn | None, status_code: int = 200, **context: Any
) -> Response:
    def in_language(message: str, **values: object) -> str:
        return _t(message, lang, **values)

    response = templates.TemplateResponse(
        request,
        name,
        {
            "_t": in_language,
            "lang": lang,
            "who": who,
            "province": province_name(who.province_code) if who else "",
            **context,
        },
        status_code=status_code,
        headers=_HEADERS,
    )
    if request.query_params.get("lang") in i18n.CONSOLE_LANGUAGES:
        sessions.set_cookie(response, request, i18n.LANG_COOKIE, lang)
    return response


def _signed_in_any(request: Request, session: SessionDep) -> SignedIn:
    return sessions.current(session, request)


def _signed_in(request: Request, session: SessionDep) -> SignedIn:
    """A signed-in officer who has replaced the one-time password (others are sent to change it)."""
    who = sessions.current(session, request)
    if who.must_change_password:
        raise PasswordChangeRequired
    return who


AnyOfficer = Annotated[SignedIn, Depends(_signed_in_any)]
OfficerPage = Annotated[SignedIn, Depends(_signed_in)]


def _params(request: Request) -> dict[str, str]:
    return dict(request.query_params.items())


def _safe_next(target: str) -> str:
    """Only a console path: never another site (open redirect)."""
    if target.startswith("/console/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/console/declarations"


# --- sign-in, password, sign-out ------------------------------------------------------------------


@router.get("")
@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/console/declarations", status_code=303)


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request, i18n.request_language(request), None, 200)


def _login_page(request: Request, lang: str, error: str | None, status_code: int) -> Response:
    token = sessions.signin_csrf(request)
    response = _render(
        request,
        "login.html",
        lang,
        None,
        status_code,
        csrf_token=token,
        error=error,
        next=_safe_next(request.query_params.get("next", "")),
    )
    sessions.set_cookie(response, request, sessions.SIGNIN_CSRF_COOKIE, token)
    return response


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    login: Annotated[str, Form(max_length=60)] = "",
    password: PasswordField = "",
    csrf_token: CsrfField = "",
    next: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    lang = i18n.request_language(request)
    sessions.check_csrf(request.cookies.get(sessions.SIGNIN_CSRF_COOKIE, ""), csrf_token)
    try:
        officer = accounts.authenticate(session, login, password)
    except AccountLocked as locked:
        message = _t(
            "Too many failed sign-ins: this account is locked until {time}.",
            lang,
            time=i18n.moment(locked.until),
        )
        return _login_page(request, lang, message, 429)
    except SignInRefused:
        return _login_page(request, lang, _t("Wrong login or password.", lang), 401)
    target = "/console/password" if officer.must_change_password else _safe_next(next)
    response = RedirectResponse(target, status_code=303, headers=_HEADERS)
    sessions.start(session, officer, response, request)
    sessions.clear_cookie(response, sessions.SIGNIN_CSRF_COOKIE)
    return response


@router.get("/password")
def password_form(request: Request, who: AnyOfficer) -> Response:
    return _render(request, "password.html", i18n.request_language(request), who, error=None)


@router.post("/password")
def change_password(
    request: Request,
    session: SessionDep,
    who: AnyOfficer,
    current: PasswordField = "",
    new: PasswordField = "",
    repeated: PasswordField = "",
    csrf_token: CsrfField = "",
) -> Response:
    lang = i18n.request_language(request)
    sessions.check_csrf(who.csrf_token, csrf_token)
    officer = session.get(Officer, who.officer_id)
    if officer is None:
        raise NotSignedIn
    try:
        accounts.change_password(session, officer, current, new, repeated)
    except PasswordRejected as rejected:
        session.rollback()
        return _render(request, "password.html", lang, who, 422, error=_t(rejected.reason, lang))
    return RedirectResponse("/console/declarations", status_code=303, headers=_HEADERS)


@router.post("/logout")
def logout(session: SessionDep, who: AnyOfficer, csrf_token: CsrfField = "") -> Response:
    sessions.check_csrf(who.csrf_token, csrf_token)
    response = RedirectResponse("/console/login", status_code=303, headers=_HEADERS)
    audit.record(session, who.actor, "console.signout", f"officer:{who.officer_id}")
    sessions.end(session, who, response)
    return response


# --- declarations -----------------------------------------------------------------------------------


@router.get("/declarations")
def declarations(request: Request, session: SessionDep, who: OfficerPage) -> Response:
    lang = i18n.request_language(request)
    filters = queries.Filters.parse(_params(request))
    page = queries.declarations_page(session, who.province_code, filters)
    establishments = queries.establishment_choices(session, who.province_code)
    audit.record(
        session, who.actor, "declaration.search", "declarations", channel="console", count=len(page.rows),
        **filters.audit_detail(),
    )  # fmt: skip
    session.commit()
    return _render(
        request,
        "declarations.html",
        lang,
        who,
        filters=filters,
        page=page,
        establishments=establishments,
        nationalities=_nationality_options(lang),
        statuses=STATUS_LABELS,
        errors=[_t(_INVALID_FIELDS[f], lang) for f in filters.invalid],
    )


@router.get("/declarations/{receipt_code}")
def declaration(request: Request, session: SessionDep, who: OfficerPage, receipt_code: str) -> Response:
    lang = i18n.request_language(request)
    decl = queries.declaration_in_province(session, who.province_code, receipt_code[:30])
    if decl is None:
        session.rollback()
        raise OutOfScope
    history = queries.versions(session, decl.id)
    audit.record(session, who.actor, "declaration.read", decl.receipt_code, channel="console")
    session.commit()
    hours = (decl.declared_at - decl.arrival_at).total_seconds() / 3600
    return _render(
        request,
        "declaration.html",
        lang,
        who,
        d=decl,
        est=decl.establishment,
        history=history,
        hours_after_arrival=i18n.number(round(hours, 1)),
        nationality=i18n.nationality_name(decl.nationality, lang),
        statuses=STATUS_LABELS,
        changes=CHANGE_LABELS,
        history_fields=_history_fields(history),
    )


def _history_fields(history: list[Any]) -> list[list[tuple[str, str, str]]]:
    """Per version, the fields that changed from the version before: (field, before, after)."""
    out: list[list[tuple[str, str, str]]] = []
    previous: dict[str, Any] = {}
    for version in history:
        data = _flat(version.data)
        out.append(
            [
                (key, str(previous.get(key, "")), str(value))
                for key, value in data.items()
                if previous and previous.get(key) != value
            ]
        )
        previous = data
    return out


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


# --- establishments -----------------------------------------------------------------------------------


@router.get("/establishments")
def establishments(request: Request, session: SessionDep, who: OfficerPage) -> Response:
    lang = i18n.request_language(request)
    rows = queries.establishments_in_province(session, who.province_code)
    counts = queries.establishment_counts(session, who.province_code)
    session.commit()
    empty = queries.CountRow("", "", 0, 0)
    return _render(
        request, "establishments.html", lang, who, rows=[(e, counts.get(e.id, empty)) for e in rows]
    )


@router.get("/establishments/{est_id}")
def establishment(request: Request, session: SessionDep, who: OfficerPage, est_id: int) -> Response:
    lang = i18n.request_language(request)
    est = queries.establishment_in_province(session, who.province_code, est_id)
    if est is None:
        session.rollback()
        raise OutOfScope
    params = _params(request) | {"establishment_id": str(est.id)}
    filters = queries.Filters.parse(params)
    page = queries.declarations_page(session, who.province_code, filters)
    counts = queries.establishment_counts(session, who.province_code).get(
        est.id, queries.CountRow("", "", 0, 0)
    )
    audit.record(
        session, who.actor, "establishment.read", f"establishment:{est.id}", channel="console",
        count=len(page.rows), page=filters.page,
    )  # fmt: skip
    session.commit()
    return _render(
        request, "establishment.html", lang, who, est=est, page=page, filters=filters, counts=counts,
        statuses=STATUS_LABELS,
    )  # fmt: skip


# --- reports and exports --------------------------------------------------------------------------------


@router.get("/reports")
def reports(request: Request, session: SessionDep, who: OfficerPage) -> Response:
    lang = i18n.request_language(request)
    window, month, start, end, invalid = queries.resolve_window(_params(request), local_date(utcnow()))
    result = queries.report(session, who.province_code, start, end)
    audit.record(
        session, who.actor, "report.periodic", f"{start.isoformat()}..{end.isoformat()}", channel="console"
    )
    session.commit()
    nat_names = {r.key: i18n.nationality_name(r.key, lang) for r in result.by_nationality}
    chart = {
        "perDay": {
            "label": _t("Declarations", lang),
            "labels": [i18n.day(d)[:5] for d, _ in result.per_day],
            "values": [n for _, n in result.per_day],
        },
        "nationalities": {
            "label": _t("Declarations", lang),
            "labels": [nat_names[r.key] for r in result.by_nationality[:10]],
            "values": [r.count for r in result.by_nationality[:10]],
        },
        "lateShare": {
            "label": _t("Late share (%)", lang),
            "labels": [r.name for r in result.by_establishment[:15]],
            "values": [round(r.late_share * 100, 1) for r in result.by_establishment[:15]],
        },
    }
    export_query = _export_query(window, month, start, end)
    return _render(
        request,
        "reports.html",
        lang,
        who,
        window=window,
        month=month,
        report=result,
        nat_names=nat_names,
        chart_json=_script_json(chart),
        export_query=export_query,
        errors=[_t(_INVALID_FIELDS[f], lang) for f in invalid],
    )


def _script_json(data: object) -> str:
    """JSON safe inside <script>: a '</script>' in an establishment's name cannot end the element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _export_query(window: str, month: str, start: date, end: date) -> str:
    if window == "range":
        return f"window=range&from={start.isoformat()}&to={end.isoformat()}"
    return f"window={window}&month={month}"


@router.get("/reports/export.csv")
def export_csv(request: Request, session: SessionDep, who: OfficerPage) -> StreamingResponse:
    lang = i18n.request_language(request)
    rows, filename = _export_rows(request, session, who, "csv")
    return StreamingResponse(
        exports.csv_lines(rows, lang),
        media_type="text/csv; charset=utf-8",
        headers={**_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/reports/export.xlsx")
def export_xlsx(request: Request, session: SessionDep, who: OfficerPage) -> Response:
    lang = i18n.request_language(request)
    rows, filename = _export_rows(request, session, who, "xlsx")
    return Response(
        exports.xlsx_bytes(rows, lang, filename.removesuffix(".xlsx")),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={**_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _export_rows(request: Request, session: Session, who: SignedIn, kind: str) -> tuple[list[Any], str]:
    _window, _month, start, end, _invalid = queries.resolve_window(_params(request), local_date(utcnow()))
    rows = list(session.scalars(queries.window_rows(session, who.province_code, start, end)))
    audit.record(
        session, who.actor, "declaration.export", f"{start.isoformat()}..{end.isoformat()}",
        channel="console", format=kind, count=len(rows),
    )  # fmt: skip
    session.commit()
    return rows, f"declarations_{who.province_code}_{start.isoformat()}_{end.isoformat()}.{kind}"


def _nationality_options(lang: str) -> list[tuple[str, str]]:
    options = [(n.code, n.name_vi if lang == "vi" else n.name_en) for n in all_nationalities()]
    return sorted(options, key=lambda option: option[1])
