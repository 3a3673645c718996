"""`mot-workshop room FILE [--bind ADDR] [--port N]`: the room without a window.

Prints the participants' URL (with its token) and the room code, applies every phone's edit
as a command saved at once, and closes cleanly on Ctrl+C or SIGTERM: no listening socket is
left behind.
"""

from __future__ import annotations

import argparse
import signal
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="workshop file (.motw)")
    parser.add_argument("--bind", default="127.0.0.1", metavar="ADDR",
                        help="the address of this computer's network interface the phones reach "
                             "(default 127.0.0.1: this computer only)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--activity", default="waiting",
                        help="what phones see first: waiting, vote:process, vote:step, vote:touchpoint, "
                             "score, post:idea, post:voc or post:note")
    parser.add_argument("--subject", type=int, default=None,
                        help="the cycle id (touchpoints) or process id (problems, VOC) of the activity")
    parser.add_argument("--typed-names", action="store_true", help="let phones type a name not in the list")
    parser.add_argument("--cert", help="certificate (PEM) for HTTPS")
    parser.add_argument("--key", help="private key (PEM) of the certificate")


def run(args: argparse.Namespace) -> int:
    from mot_workshop.cli import UserError
    from mot_workshop.i18n import tr
    from mot_workshop.room.activity import Activity
    from mot_workshop.room.headless import HeadlessRoom
    from mot_workshop.room.runner import RoomError

    if not 0 <= args.port <= 65535:
        raise UserError(f"--port {args.port}: choose 0 (a free port) or 1-65535")
    if bool(args.cert) != bool(args.key):
        raise UserError(tr("HTTPS needs both --cert and --key"))
    try:
        activity = Activity.parse(args.activity, args.subject)
    except ValueError as exc:
        raise UserError(f"--activity: {exc}") from None
    room = HeadlessRoom(args.file, bind=args.bind, port=args.port, activity=activity, typed_names=args.typed_names,
                        certificate=(args.cert, args.key) if args.cert else None)
    # Ctrl+C and SIGTERM only ask the loop to stop: a KeyboardInterrupt raised wherever the
    # main thread happens to be (inside a save, or the closing itself) could leave the room
    # half-closed. Installed even when SIGINT came in ignored, as "Ctrl+C closes the room" says.
    previous = {sig: signal.signal(sig, lambda *_: room.stop()) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        try:
            opened = room.open()
        except RoomError as exc:
            raise UserError(str(exc)) from None
        print(tr("room open: {url}", url=opened.url))
        print(tr("or type: {url}  room code: {code}", url=opened.short_url, code=opened.code))
        print(tr("facilitator: {url}", url=opened.admin_url))
        print(tr("Ctrl+C closes the room."), flush=True)
        try:
            room.loop()
        except KeyboardInterrupt:
            pass
        print(tr("room closed."), file=sys.stderr, flush=True)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
