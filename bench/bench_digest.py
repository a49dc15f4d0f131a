"""The digest at the demo ×1, ×10, ×100 (bench/generate.py), and one send on a Google Sheet.

Per size: the time to make this period's digest from the parsed workbook (content, Flex message, text, HTML: what
`de-dashboard digest` and the page do after the read), the Flex bubble's JSON (bytes with every non-ASCII character
escaped, the largest reading of LINE's 30 KB limit) and the text's length (LINE's 5,000). Then one `--send` to a
LINE group and two e-mail addresses over loopback (the fake Sheets server, the fake LINE API, a real SMTP server):
its Sheets requests and time, and a second run's, which must send nothing.

    /work/venv/bin/python -m bench.bench_digest [--scales 1 10 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from bench.common import KEY, fake_sheets, ms, quiet, table, timed
from bench.generate import SCALES, scaled_workbook
from de_core.digest.flex import flex_message, json_size, text_message
from de_core.digest.html import digest_html
from de_core.digest.model import build_digest
from de_core.digest.text import utf16_len
from de_core.ops.cli import main as cli
from de_core.ops.demo import DEMO_AS_OF, DEMO_FISCAL_YEAR
from de_core.sheet.workbook import parse_workbook
from tests.fakeline import FakeLineServer
from tests.fakesheets import fake_client
from tests.fakesheets.faults import WRITE_KINDS
from tests.mailserver.fixtures import PASSWORD, USER, start_server

APP = "https://de-dashboard.example.go.th"


def make(wb):
    d = build_digest(wb, DEMO_FISCAL_YEAR, DEMO_AS_OF, app_url=APP)
    return d, flex_message(d), text_message(d), digest_html(d)


def sizes(scale: int, repeat: int) -> list[str]:
    wb = parse_workbook(scaled_workbook(scale))
    seconds, (d, flex, text, _html) = timed(lambda: make(wb), repeat)
    late = next(s for s in d.sections if s.key == "late")
    return [f"×{scale}", f"{late.total:,}", ms(seconds), f"{json_size(flex['contents']):,} B",
            f"{utf16_len(text['text']):,}"]


def send_twice() -> list[list[str]]:
    line = FakeLineServer()
    line.start()
    with tempfile.TemporaryDirectory() as tmp, fake_sheets(scaled_workbook(1)) as srv:
        controller, box = start_server(Path(tmp))
        try:
            secrets = Path(tmp) / "secrets.toml"
            secrets.write_text(
                f'[connections.gsheets]\nspreadsheet = "{KEY}"\n[digest]\napp_url = "{APP}"\n'
                f'[line]\nchannel_access_token = "{line.token}"\nto = ["{line.add_group(25)}"]\n'
                f'api_url = "{line.base_url}"\n[smtp]\nhost = "{box.host}"\nport = {box.port}\nusername = "{USER}"\n'
                f'password = "{PASSWORD}"\nsender = "{USER}"\nto = ["a@example.go.th", "b@example.go.th"]\n'
                f'ca_file = "{box.ca_file}"\n', encoding="utf-8")
            rows = []
            for run in ("first --send (3 targets)", "second --send (nothing to send)"):
                srv.reset_counts()
                start = time.perf_counter()
                code = cli(["digest", "--send", "--secrets", str(secrets)], out=io.StringIO(), err=io.StringIO(),
                           client_factory=lambda _f: fake_client(srv.base_url, timeout=30))
                took = time.perf_counter() - start
                writes = sum(srv.count(k) for k in WRITE_KINDS)
                rows.append([run, str(code), str(srv.count() - writes), str(writes), ms(took),
                             f"{len(line.sent)} LINE, {len(box.received)} e-mail"])
            return rows
        finally:
            controller.stop()
            line.stop()


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    quiet()
    out = table("The digest: made from the workbook", ["size", "late items", "digest, Flex, text, HTML",
                                                       "Flex bubble (escaped JSON)", "text (UTF-16 units)"],
                [sizes(scale, args.repeat) for scale in args.scales],
                "Limits: a bubble 30,000 bytes at the strictest reading, a text 5,000. Each list shows at most five "
                "items (fewer when the bubble would pass its limit), so the message stays inside them at any size.")
    out += "\n" + table("One send on a Google Sheet (loopback fakes)",
                        ["run", "exit", "Sheets reads", "Sheets writes", "time", "delivered so far"], send_twice(),
                        "Per target: the log row is claimed (an audited append) before the send and its outcome "
                        "written after (an audited update); the second run only reads.")
    print(out)
    return out


if __name__ == "__main__":
    main()
