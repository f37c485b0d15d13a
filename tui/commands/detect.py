"""``natid detect``: the language of a sentence the person typed, and the questionnaires."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes


def register(commands: Any) -> None:
    """Add ``detect`` to the command parser."""
    parser = commands.add_parser(
        "detect", help="tell the language of a sentence the person typed",
        description="Propose the language(s) of a sentence the person typed in their own "
        "language, with probabilities, the script, whether the result is uncertain, and "
        "the bundled questionnaires written in a proposed language. Scripts langdetect "
        "does not know (Ethiopic, Sinhala, Myanmar, Khmer, Tibetan…) are recognised from "
        "their letters; Latin text in a language langdetect does not know (Haitian "
        "Creole) is reported as uncertain. See docs/languages.md.")
    parser.add_argument("text", metavar="TEXT", help="the sentence, quoted")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print the detection and the suggested questionnaires."""
    from engine.detect import detect, suggest

    detection = detect(options.text)
    suggested = suggest(detection)
    if options.format == "json":
        print(json.dumps({**detection.to_dict(), "questionnaires": suggested},
                         ensure_ascii=False, indent=2))
        return exit_codes.OK
    if detection.candidates:
        print("language candidates (best first):")
        for candidate in detection.candidates:
            print(f"  {candidate.language:<6} {candidate.probability:6.2f}  "
                  f"({_source(candidate.source)})")
    else:
        print("language candidates: none")
    print(f"script: {detection.script or 'none'}")
    if detection.uncertain:
        print(f"uncertain: {detection.reason}")
    else:
        print("certain: yes")
    print("questionnaires: " + (", ".join(suggested) if suggested
                                else "no bundled questionnaire is written in these languages"))
    return exit_codes.OK


def _source(source: str) -> str:
    return {"langdetect": "langdetect", "script": "from the script alone",
            "words": "typical words"}.get(source, source)
