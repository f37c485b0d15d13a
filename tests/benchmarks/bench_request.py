"""The protection gate and the certificate request: what deciding and building costs.

Prints figures; asserts nothing about time.

On a finished India interview that began with the protection screening: reading the
screening's flags (``protection_of``), the whole gate (``request_obstacles``), and
building the request from the events (``build_request`` without recording), against
the assessment alone (``assess``), which the request includes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.protection import protection_of, request_obstacles  # noqa: E402
from engine.request.build import build_request  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402
from tests.protection_support import finish_india, screened_india  # noqa: E402


def main() -> None:
    """Print the medians and the request's cost relative to the assessment."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    repeat = 20 if parser.parse_args().quick else 500
    interview = finish_india(screened_india())
    events = len(interview.events)
    flags_ms = median_ms(lambda: protection_of(interview), repeat)
    gate_ms = median_ms(lambda: request_obstacles(interview), repeat)
    assess_ms = median_ms(interview.assess, repeat)
    build_ms = median_ms(lambda: build_request(interview, officer="B", record=False), repeat)
    print(f"the gate and the request, India + screening, {events} events (median of {repeat})")
    print(f"  protection_of (the screening's flags)   {1000 * flags_ms:10.0f} µs")
    print(f"  request_obstacles (the whole gate)      {1000 * gate_ms:10.0f} µs")
    print(f"  assess (the evidence basis)             {1000 * assess_ms:10.0f} µs")
    print(f"  build_request (not recorded)            {1000 * build_ms:10.0f} µs")
    print(f"  ratio build_request / assess            {build_ms / assess_ms:10.1f}")


if __name__ == "__main__":
    main()
