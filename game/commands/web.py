"""The web build's commands: ``build-web``, ``fetch-runtime``, ``links``, ``package`` and ``serve-web`` (docs/CONTRACTS.md §8)."""

from __future__ import annotations

import sys
from pathlib import Path

from game.commands._args import ROOT, SCENARIOS_DIR


def register(sub) -> None:
    build = sub.add_parser(
        "build-web",
        help="build the browser version into build/web/ (offline, with pygbag)",
        description="Stage what the browser needs, compile every scenario, run pygbag offline on the "
        "staged copy and collect index.html, favicon.png and the .tar.gz/.apk bundle in build/web/.",
    )
    build.add_argument("--scenarios", type=Path, default=None,
                       help="folder of scenario YAML files to bundle (default: scenarios/)")
    build.add_argument("--cdn", default=None,
                       help="URL of the pygbag runtime folder, ending with '/' "
                       "(default: https://pygame-web.github.io/cdn/0.9.3/; set it to self-host)")
    build.add_argument("--out", type=Path, default=None,
                       help="folder for stage/ and web/ (default: build/)")
    build.add_argument("--timeout", type=float, default=None,
                       help="seconds pygbag may take, a number above 0 (default 300)")
    build.set_defaults(func=cmd_build_web)

    runtime = sub.add_parser(
        "fetch-runtime",
        help="download pygbag's browser runtime to host it yourself (a venue without internet)",
        description="Fetch the files the page loads from its --cdn folder (loader, CPython 3.12 for "
        "WebAssembly) and pygame-ce's wheel with the package index, keeping their paths below --to. "
        "Put that folder on a server in the room and rebuild with build-web --cdn <its URL>/<version>/.",
    )
    runtime.add_argument("--to", type=Path, required=True, help="folder to fill, e.g. pygbag-runtime")
    runtime.add_argument("--cdn", default=None,
                         help="runtime folder to copy (default: https://pygame-web.github.io/cdn/0.9.3/)")
    runtime.set_defaults(func=cmd_fetch_runtime)

    links = sub.add_parser(
        "links",
        help="print one game link per trainee and write a printable page with QR codes",
        description="Links preset the setup screen: session, trainee code (T01..TNN) and optionally "
        "scenario, mode and language.",
    )
    links.add_argument("--base-url", required=True, help="the game's web address, e.g. https://example.org/rightspath/")
    links.add_argument("--session", required=True, help="session code: letters, digits, '-' or '_' (max 40)")
    links.add_argument("--count", required=True, type=int, help="number of trainees")
    links.add_argument("--scenario", help="scenario id to preset")
    links.add_argument("--mode", help="learning, assessment or facilitated")
    links.add_argument("--lang", help="language code, e.g. en or bg")
    links.add_argument("--size", help="text size preset: 1 (standard), 2 (large) or 3 (largest)")
    links.add_argument("--contrast", help="contrast preset: high or standard")
    links.add_argument("--motion", help="motion preset: reduce or full (default: the browser's "
                       "prefers-reduced-motion setting)")
    links.add_argument("-o", "--output", type=Path, default=None,
                       help="printable HTML page to write (default: links-<session>.html)")
    links.add_argument("--session-key", help="the session's secret signing key (or $RIGHTSPATH_SESSION_KEY); "
                       "default: a new random one, printed once. Each link carries only its trainee's key, "
                       "derived from it, in the #k= fragment")
    links.set_defaults(func=cmd_links)

    package = sub.add_parser(
        "package",
        help="wrap the web build as a SCORM 1.2, SCORM 2004 or cmi5 package for a learning platform",
        description="Write a zip a learning platform (Moodle: Add an activity > SCORM package, or a cmi5 "
        "plugin) imports: the web build's files and imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at its "
        "root, one item or AU per scenario. Build the web version first (rightspath build-web).",
    )
    package.add_argument("--scorm12", type=Path, metavar="OUT.zip", help="SCORM 1.2 package to write")
    package.add_argument("--scorm2004", type=Path, metavar="OUT.zip", help="SCORM 2004 (4th Edition) package")
    package.add_argument("--cmi5", type=Path, metavar="OUT.zip", help="cmi5 course package")
    package.add_argument("--web", type=Path, default=None, help="the web build's folder (default: build/web)")
    package.add_argument("--scenarios", type=Path, default=None,
                         help="the scenarios the build bundles, for titles and mastery (default: scenarios/)")
    package.set_defaults(func=cmd_package)

    serve = sub.add_parser(
        "serve-web",
        help="serve the web build on this computer (make serve-web), optionally with an LRS proxy",
        description="Serve build/web/ over HTTP (.wasm as application/wasm) to try the browser version; "
        "with --lrs-proxy also forward /xAPI/... to a learning-record store, so the page needs no CORS "
        "permission from it. Ctrl+C stops.",
    )
    serve.add_argument("--dir", type=Path, default=ROOT / "build" / "web", help="folder to serve (default: build/web)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument("--lrs-proxy", metavar="URL", help="also forward /xAPI/... to the learning-record store "
                       "at URL (its xAPI endpoint), so the page needs no CORS permission from it")
    serve.set_defaults(func=cmd_serve_web)


def cmd_build_web(args) -> int:
    from game.webbuild.build import DEFAULT_CDN, DEFAULT_TIMEOUT, build_web

    report = build_web(scenarios_dir=args.scenarios, out_dir=args.out, cdn=args.cdn or DEFAULT_CDN,
                       timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout)
    print(report.summary())
    return 0


def cmd_package(args) -> int:
    from game.errors import UserError
    from game.webbuild.lmspackage import entries_from, write_package

    wanted = [(kind, getattr(args, kind)) for kind in ("scorm12", "scorm2004", "cmi5") if getattr(args, kind)]
    if not wanted:
        raise UserError("package: give --scorm12 OUT.zip, --scorm2004 OUT.zip and/or --cmi5 OUT.zip", 2)
    web = args.web or ROOT / "build" / "web"
    entries = entries_from(args.scenarios or SCENARIOS_DIR)
    for kind, out in wanted:
        print(f"{kind}: {write_package(kind, web, entries, out)} ({len(entries)} scenarios)")
    return 0


def cmd_fetch_runtime(args) -> int:
    from game.webbuild.build import DEFAULT_CDN
    from game.webbuild.runtime_files import fetch_runtime, split_cdn

    cdn = args.cdn or DEFAULT_CDN
    report = fetch_runtime(args.to, cdn)
    for rel in report.files:
        print(rel)
    version = split_cdn(cdn)[1]
    print(f"fetched {len(report.files)} files ({report.total_bytes / 1e6:.1f} MB) into {report.folder}; "
          f"serve that folder (.wasm as application/wasm), e.g. at http://10.0.0.2/pygbag/, then: "
          f"rightspath build-web --cdn http://10.0.0.2/pygbag/{version}/", file=sys.stderr)
    return 0


def cmd_links(args) -> int:
    from game.errors import UserError
    from game.webbuild.links import links_page, make_links

    from game.exports.signing import key_from
    from game.webbuild.links import new_session_key

    given = key_from(args.session_key)
    key = given or new_session_key()
    links = make_links(args.base_url, args.session, args.count, scenario=args.scenario,
                       mode=args.mode, lang=args.lang, session_key=key, size=args.size,
                       contrast=args.contrast, motion=args.motion)
    _warn_if_not_bundled(args.scenario, args.lang)
    output = args.output or Path(f"links-{args.session}.html")
    page = links_page(links, args.session, scenario=args.scenario, mode=args.mode, lang=args.lang)
    try:  # the page first: a link list with no page behind it would look like success
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}", 2) from None
    for link in links:
        print(f"{link.trainee}  {link.url}")
    print(f"wrote {output} ({len(links)} QR codes)", file=sys.stderr)
    if not given:
        print(f"session key: {key}\n  keep it secret and keep it: 'rightspath verify --session-key={key} "
              "results/' checks the files these links export (it is not on the page; each link holds only "
              "its trainee's key)", file=sys.stderr)
    return 0


def _warn_if_not_bundled(scenario: str | None, lang: str | None) -> None:
    """A scenario or language this checkout does not bundle is allowed (a site may host its own), but
    said, since a trainee would otherwise land on "unknown scenario" or on English."""
    scenarios = SCENARIOS_DIR
    ids = sorted(p.stem for p in scenarios.glob("*.yaml"))
    if scenario and ids and scenario not in ids:
        print(f"rightspath: warning: --scenario {scenario!r} is not one of the bundled scenarios "
              f"({', '.join(ids)}); the link only works on a build that has it", file=sys.stderr)
    langs = {"en"} | {p.name.split(".")[-2] for p in scenarios.glob("*.*.po")}
    if lang and lang not in langs:
        print(f"rightspath: warning: --lang {lang!r} has no translation here ({', '.join(sorted(langs))}); "
              "trainees will see English", file=sys.stderr)


def cmd_serve_web(args) -> int:
    from urllib.parse import urlsplit

    from game.errors import UserError
    from game.webbuild.serve import make_server

    if args.lrs_proxy is not None:
        try:
            parts = urlsplit(args.lrs_proxy)
            parts.port  # noqa: B018 (raises on a bad port)
        except ValueError as exc:
            raise UserError(f"serve-web: --lrs-proxy {args.lrs_proxy}: not a valid address ({exc})", 2) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(f"serve-web: --lrs-proxy {args.lrs_proxy}: give the store's http(s) xAPI endpoint", 2)
    if not 0 <= args.port <= 65535:
        raise UserError(f"serve-web: --port {args.port}: give a port from 0 to 65535 (0 picks a free one)", 2)
    if not (args.dir / "index.html").is_file():
        raise UserError(f"serve-web: {args.dir} has no index.html; run 'make web' first", 2)
    try:
        server = make_server(args.dir, args.host, args.port, lrs_proxy=args.lrs_proxy,
                             log=lambda line: print(f"serve-web: {line}", file=sys.stderr))
    except OSError as exc:
        raise UserError(f"serve-web: cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
                        f"pick another port: make serve-web PORT=0 (or --port 0) takes a free one", 2) from None
    host, port = server.server_address[:2]
    print(f"Serving {args.dir} at http://{host}:{port}/  (Ctrl+C stops)", flush=True)
    if args.lrs_proxy:
        print(f"Forwarding http://{host}:{port}/xAPI/ to {args.lrs_proxy}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
