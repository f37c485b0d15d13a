"""Which scenario files go with a questionnaire: ``X.yaml`` → ``X.feature`` and ``X.*.feature``."""

from __future__ import annotations

import glob
from pathlib import Path

from engine.errors import QuestionnaireNotFoundError

SUFFIX = ".feature"


def _stem(questionnaire: Path) -> str:
    return questionnaire.name.rsplit(".", 1)[0] if "." in questionnaire.name else questionnaire.name


def looked_for(questionnaire: Path) -> list[str]:
    """The file names scenario files of ``questionnaire`` may have, for messages."""
    stem = _stem(questionnaire)
    return [f"{stem}{SUFFIX}", f"{stem}.*{SUFFIX}"]


def feature_files(questionnaire: Path) -> list[Path]:
    """The scenario files beside ``questionnaire``: ``X.feature`` first, then ``X.*.feature``."""
    stem = _stem(questionnaire)
    main = questionnaire.with_name(f"{stem}{SUFFIX}")
    found = [main] if main.is_file() else []
    pattern = f"{glob.escape(stem)}.*{SUFFIX}"
    found += sorted(path for path in questionnaire.parent.glob(pattern) if path.is_file())
    return found


def questionnaire_beside(feature: Path) -> Path:
    """The questionnaire a scenario file goes with: ``in.rule.feature`` → ``in.yaml``.

    Raises:
        QuestionnaireNotFoundError: no questionnaire beside the file.
    """
    stem = feature.name.removesuffix(SUFFIX)
    while True:
        for extension in (".yaml", ".yml"):
            candidate = feature.with_name(stem + extension)
            if candidate.is_file():
                return candidate
        if "." not in stem:
            break
        stem = stem.rsplit(".", 1)[0]
    raise QuestionnaireNotFoundError(
        f"{feature}: no questionnaire beside this scenario file; it goes with the file "
        f"whose name it starts with, e.g. '{stem}.yaml'")
