"""`python -m api serve|migrate|purge|officer create|officer password`."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import OperationalError

from api.config import get_settings
from api.db import make_engine, make_session_factory
from api.errors import ConfigurationError
from api.geo import resolve
from api.migrations import upgrade_to_head
from api.timeutil import utcnow


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    settings.effective_channel_token()  # fail before migrating outside development without a strong one
    try:
        upgrade_to_head(settings.database_url)
    except OperationalError as error:
        # A database that cannot be opened or written right now (a read-only file or directory, a
        # server still starting): serve anyway, so /health can say so and the API recovers by itself;
        # /health also answers 503 while the schema is behind the code.
        print(
            f"database not ready at start ({type(error.orig).__name__}): serving; /health answers 503 "
            "until it takes writes at the expected schema revision",
            file=sys.stderr,
        )
    print(
        f"officer console: http://{args.host}:{args.port}/console/ (first officer: python -m api officer "
        "create --province 'Hà Nội' --name 'Nguyễn Văn A' --login nva; it prints a one-time password)",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(
        "api.main:app",
        host=args.host,
        port=settings.api_port if args.port is None else args.port,
        workers=args.workers,
        loop="uvloop",
        http="httptools",
        access_log=args.access_log,
        log_level="info",
    )
    return 0


def _migrate(_args: argparse.Namespace) -> int:
    upgrade_to_head(get_settings().database_url)
    print("database is at the latest migration")
    return 0


def _purge(_args: argparse.Namespace) -> int:
    from api.retention import purge

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            count = purge(session, settings.retention_days, utcnow())
    finally:
        engine.dispose()
    print(f"purged {count} declarations older than {settings.retention_days} days after the stay")
    return 0


def _officer_create(args: argparse.Namespace) -> int:
    from api.officers import create_officer

    province = resolve(args.province)
    if province is None:
        print(f"unknown province: {args.province!r}", file=sys.stderr)
        return 2
    from sqlalchemy import select

    from api.console.accounts import LOGIN_PATTERN, issue_one_time_password
    from api.models import Officer

    engine = make_engine(get_settings().database_url)
    try:
        with make_session_factory(engine)() as session:
            if args.login and not LOGIN_PATTERN.match(args.login.lower()):
                print("a login is 2-60 letters, digits, '.', '_' or '-'", file=sys.stderr)
                return 2
            if (
                args.login
                and session.scalars(select(Officer).where(Officer.login == args.login.lower())).first()
            ):
                print(f"login {args.login!r} is already taken", file=sys.stderr)
                return 2
            officer_id, token = create_officer(session, args.name, province.code)
            officer = session.get(Officer, officer_id)
            assert officer is not None
            login = (args.login or f"officer{officer_id}").strip().lower()
            password = issue_one_time_password(session, officer, login)
    finally:
        engine.dispose()
    print(f"officer {officer_id} ({args.name}, {province.name_vi})")
    print(f"console sign-in at /console/: login {login}, one-time password (change it at first sign-in):")
    print(password)
    print("API token, shown once:")  # the token stays the last line (scripts read it from there)
    print(token)
    return 0


def _officer_password(args: argparse.Namespace) -> int:
    """A new one-time password (forgotten password, or an account locked out); ends nothing else."""
    from sqlalchemy import select

    from api.console.accounts import issue_one_time_password
    from api.models import Officer

    engine = make_engine(get_settings().database_url)
    try:
        with make_session_factory(engine)() as session:
            officer = session.scalars(select(Officer).where(Officer.login == args.login.lower())).first()
            if officer is None:
                print(f"no officer with login {args.login!r}", file=sys.stderr)
                return 2
            password = issue_one_time_password(session, officer, officer.login or args.login)
    finally:
        engine.dispose()
    print(f"one-time password for {args.login} (change it at first sign-in):")
    print(password)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api", description="Temporary-residence intake API")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="apply migrations, then run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=None, help="default: API_PORT (8000)")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=True)
    serve.set_defaults(func=_serve)
    commands.add_parser("migrate", help="apply Alembic migrations to head").set_defaults(func=_migrate)
    commands.add_parser("purge", help="delete declarations past RETENTION_DAYS").set_defaults(func=_purge)
    officer = commands.add_parser("officer", help="manage officers")
    officer_commands = officer.add_subparsers(dest="officer_command", required=True)
    create = officer_commands.add_parser("create", help="create an officer and print their token once")
    create.add_argument("--province", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--login", help="console login (default: officer<id>)")
    create.set_defaults(func=_officer_create)
    reset = officer_commands.add_parser("password", help="print a new one-time console password")
    reset.add_argument("--login", required=True)
    reset.set_defaults(func=_officer_password)
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigurationError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
