"""Checks only the protection screening needs: its flags and its declared nationality."""

from __future__ import annotations

from engine.errors import Diagnostic
from engine.locate import Locator
from engine.model import Effect, Kind, Screening
from engine.suggest import did_you_mean
from engine.validators.ids import duplicates
from engine.validators.paths import condition_leaves
from engine.validators.references import leaf_values, unknown_parameter


def check(screening: Screening, locator: Locator) -> list[Diagnostic]:
    """Flags that read unknown answers or lack a route, and the declared nationality."""
    found = duplicates(locator, "flag", [
        (("flags", i, "id"), flag.id) for i, flag in enumerate(screening.flags)])
    for index, flag in enumerate(screening.flags):
        base = ("flags", index)
        for path, leaf in condition_leaves(flag.when, (*base, "when")):
            target = screening.parameters_by_id.get(leaf.answer)
            if target is None:
                found.append(unknown_parameter(screening, locator, (*path, "answer"),
                                               leaf.answer))
            else:
                found += leaf_values(screening, locator, path, leaf, target)
        if flag.route is None and flag.effect is not Effect.HOLD:
            found.append(locator.diagnostic(
                "NATID-E012", base, f"flag '{flag.id}' ({flag.effect}) needs a 'route': "
                "where the referral goes", value="route",
                hint="asylum_authority, child_protection, anti_trafficking or health_services"))
        if flag.effect is Effect.CARE and flag.care_need is None:
            found.append(locator.diagnostic(
                "NATID-E012", base, f"flag '{flag.id}' (care) needs a 'care_need': the words "
                "the request carries", value="care_need"))
    declared = screening.parameters_by_id.get(screening.declared_nationality)
    if declared is None or declared.kind is not Kind.CHOICE:
        what = ("is not a parameter" + did_you_mean(screening.declared_nationality,
                                                    screening.parameters_by_id)
                if declared is None else f"is a {declared.kind} parameter, not a choice")
        found.append(locator.diagnostic(
            "NATID-E042", ("declared_nationality",),
            f"'{screening.declared_nationality}' {what}", value=screening.declared_nationality,
            hint="name the choice parameter whose values are the country codes declared"))
    return found
