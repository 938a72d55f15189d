"""`python -m qa.serve`: run the resident service (a thin shell over qa.runtime.service)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from qa.cli.shell import cli_entry, command_parser
from qa.config import add_common_args, settings_from_args
from qa.runtime.service import HOST, Service, bind, info_path, make_handler, remove_info, write_info

DESCRIPTION = """\
Keep the model, the embedder and the index loaded and answer `python -m qa.ask` from them (`python -m qa.ask` uses the
service automatically while it runs). Listens on 127.0.0.1 only."""

EPILOG = """\
Stop it with Ctrl-C (or SIGTERM). Settings that change per question (k, strict, thresholds) come from each request;
a client with another model or index loads in its own process instead."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("serve", DESCRIPTION, EPILOG)
    add_common_args(parser)
    parser.add_argument("--port", type=int, dest="service_port", help="port on 127.0.0.1 (default: the "
                        "service_port setting, 7870)")
    parser.add_argument("--quiet", action="store_true", help="do not log each answered question")
    return parser


@cli_entry(interrupted="newsqa service stopped")
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    server = bind(settings.service_port)
    path = info_path(settings)
    path.unlink(missing_ok=True)  # a service killed without cleaning up left it; nobody else can hold this port
    t0 = time.perf_counter()
    say(f"newsqa service: loading the model, the embedder and the index ({settings.model}, "
        f"{settings.chroma_url or settings.db_path}) ...")
    try:
        service = Service(settings, say)
    except BaseException:
        server.server_close()
        raise
    server.RequestHandlerClass = make_handler(service, (lambda m: None) if args.quiet else say)
    write_info(path, {"port": settings.service_port, "pid": os.getpid(), "token": service.token,
                       "identity": service.identity, "started": time.time()})

    def stop(signum, frame) -> None:  # noqa: ARG001
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    say(f"newsqa service ready on http://{HOST}:{settings.service_port} in {time.perf_counter() - t0:.1f} s "
        f"(model {service.health()['model']}, index {service.index.location}); Ctrl-C stops it")
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        remove_info(path, service.token)
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
