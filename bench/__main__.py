"""`python -m bench [name ...]`: run the registered benchmarks (or those named) and print one table.

Exits 1 when a figure misses its target, so `make bench` can gate a release.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from importlib import import_module

from bench import BENCHMARKS, Measurement


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _number(value: float) -> str:
    return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"


def render(rows: list[tuple[str, Measurement]]) -> str:
    header = ("benchmark", "measurement", "value", "target", "baseline (same run)", "ratio", "ok")
    lines = []
    for module, m in rows:
        target = f"≤ {_number(m.target)} {m.unit}" if m.target is not None else "-"
        baseline = f"{_number(m.baseline)} {m.unit} ({m.baseline_name})" if m.baseline is not None else "-"
        ratio = f"{m.ratio:,.1f}x" if m.ratio is not None else "-"
        ok = {True: "yes", False: "NO", None: "-"}[m.meets_target]
        lines.append((module, m.name, f"{_number(m.value)} {m.unit}", target, baseline, ratio, ok))
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]

    def fmt(row):
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(row) for row in lines)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmark modules to run (e.g. engine); default: all")
    parser.add_argument("--quick", action="store_true", help="shorter runs (BENCH_QUICK=1), for a smoke check")
    args = parser.parse_args(argv)
    if args.quick:
        os.environ["BENCH_QUICK"] = "1"
    selected = [m for m in BENCHMARKS if not args.names or m.rsplit(".", 1)[-1] in args.names or m in args.names]
    if not selected:
        parser.error(f"no benchmark named {', '.join(args.names)}; registered: {', '.join(BENCHMARKS)}")
    _setup_django()
    rows: list[tuple[str, Measurement]] = []
    for name in selected:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows += [(name.rsplit(".", 1)[-1], m) for m in import_module(name).run()]
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (figures scale with load; compare ratios to baselines)")
    print(render(rows))
    return 1 if any(m.meets_target is False for _, m in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
