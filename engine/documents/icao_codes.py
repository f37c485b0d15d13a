"""The state codes of machine-readable zones (ICAO Doc 9303, part 3) and their ISO form.

An MRZ names the issuing state and the holder's nationality with three characters:
mostly the ISO 3166-1 alpha-3 code (IND, NPL, ETH, HTI, AFG, BGD, LKA), padded with
'<' where shorter (``D<<`` is Germany). ICAO adds codes of its own: British
nationality classes, organisations that issue travel documents, the stateless and
refugee codes, and ``UTO`` (Utopia), the state of ICAO's specimen documents.
"""

from __future__ import annotations

from types import MappingProxyType

from engine.documents.iso3166 import ALPHA3_TO_ALPHA2

ICAO_ALPHA2 = MappingProxyType({
    "D": "DE",
    "GBD": "GB", "GBN": "GB", "GBO": "GB", "GBP": "GB", "GBS": "GB",
    "RKS": "XK",
})
"""ICAO codes that stand for a country without being its ISO alpha-3 code.

The British codes are classes of British nationality; ``XK`` (Kosovo) is the code
CLDR and the European Union use, not an ISO-assigned one.
"""

STATELESS_OR_REFUGEE = MappingProxyType({
    "XXA": "stateless person (1954 Convention)",
    "XXB": "refugee (1951 Convention)",
    "XXC": "refugee (other than under the 1951 Convention)",
    "XXX": "person of unspecified nationality",
})
"""Codes that record the holder has no nationality, or that it is not stated."""

ORGANISATIONS = MappingProxyType({
    "EUE": "European Union",
    "UNO": "United Nations Organization",
    "UNA": "specialized agency of the United Nations",
    "UNK": "United Nations Interim Administration Mission in Kosovo",
    "XBA": "African Development Bank",
    "XCC": "Caribbean Community",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XDC": "Southern African Development Community",
    "XEC": "Economic Community of West African States",
    "XES": "Organisation of Eastern Caribbean States",
    "XIM": "African Export-Import Bank",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta",
    "XPO": "Interpol",
})
"""Issuers that are not states; as a nationality they say nothing of a country."""

SPECIMEN_STATE = "UTO"
"""Utopia, the issuing state of ICAO's specimen documents."""


def normalise(code: str) -> str:
    """The code as written in a zone, without its '<' filler (``'D<<'`` -> ``'D'``)."""
    return code.replace("<", "").strip().upper()


def alpha2(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an MRZ state code, or None if it names no country.

    ``'IND'`` -> ``'IN'``, ``'D<<'`` -> ``'DE'``, ``'GBD'`` -> ``'GB'``. The stateless
    and refugee codes, organisations, the specimen state ``UTO`` and anything unknown
    give None.
    """
    key = normalise(code)
    return ALPHA3_TO_ALPHA2.get(key) or ICAO_ALPHA2.get(key)


def is_known(code: str) -> bool:
    """Whether an MRZ may carry this state code (ISO alpha-3 or one ICAO added)."""
    key = normalise(code)
    return (key in ALPHA3_TO_ALPHA2 or key in ICAO_ALPHA2 or key in STATELESS_OR_REFUGEE
            or key in ORGANISATIONS or key == SPECIMEN_STATE)
