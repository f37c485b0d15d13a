"""The one catalogue of natid's error and warning codes.

Every diagnostic natid shows carries one of these codes. A code never changes its
meaning once released; retired codes are not reused. docs/authoring.md lists them all
(a test keeps the two in sync).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class CodeInfo:
    """What one code means and how to fix what it reports, in general terms."""

    code: str
    severity: Severity
    title: str
    fix: str


def _e(number: str, title: str, fix: str) -> CodeInfo:
    return CodeInfo(f"NATID-E{number}", "error", title, fix)


def _w(number: str, title: str, fix: str) -> CodeInfo:
    return CodeInfo(f"NATID-W{number}", "warning", title, fix)


_ALL = (
    # Reading the file (nothing of the questionnaire is checked yet).
    _e("001", "file cannot be read", "check the path and that you may read the file"),
    _e(
        "002",
        "file too large",
        "a questionnaire is a few hundred kilobytes at most; "
        "split reference data or remove what was pasted by mistake",
    ),
    _e(
        "003",
        "not UTF-8 text",
        "save the file as UTF-8 (in most editors: Save as, then Encoding: UTF-8)",
    ),
    _e("004", "binary file", "this is not a text file; choose the questionnaire's .yaml file"),
    _e("005", "empty file", "write the questionnaire in the file, starting from docs/authoring.md"),
    _e(
        "006",
        "YAML syntax error",
        "fix the YAML at the place shown: indentation, a missing colon, "
        "an unclosed quote or bracket",
    ),
    _e(
        "007",
        "nesting too deep",
        "a questionnaire needs only a few levels of nesting; flatten the structure",
    ),
    _e(
        "008",
        "aliases expand too far",
        "anchors (&) and aliases (*) may repeat a few parts, "
        "not multiply the document; write the parts out or use fewer aliases",
    ),
    _e(
        "009",
        "more than one YAML document",
        "keep one questionnaire per file and remove the extra '---'",
    ),
    _e(
        "010",
        "unsupported YAML tag",
        "remove the tag (the word starting with '!'); plain values are enough",
    ),
    _e("011", "unknown key", "remove the key or correct its spelling"),
    _e("012", "required key missing", "add the key shown"),
    _e(
        "013",
        "wrong type of value",
        "write the kind of value shown (text, number, list or mapping)",
    ),
    _e("014", "value not allowed", "use one of the allowed values or the format shown"),
    _e(
        "015",
        "duplicate key",
        "a key may appear once in a mapping; remove or rename the repeated one",
    ),
    _e("016", "mapping key is not a plain value", "keys must be plain text, not lists or mappings"),
    _e(
        "017",
        "top level is not a mapping",
        "a questionnaire starts with keys such as 'country:' and 'parameters:'",
    ),
    # The questionnaire's meaning.
    _e("020", "duplicate id", "ids must be unique; rename one of them"),
    _e("021", "unknown parameter", "refer to a parameter id defined in 'parameters'"),
    _e(
        "022",
        "condition refers to a later parameter",
        "a condition may only use answers to "
        "parameters asked before it; move the parameter or change the condition",
    ),
    _e(
        "023",
        "conditions form a cycle",
        "parameters cannot depend on each other in a circle; break the cycle",
    ),
    _e(
        "024",
        "unreachable parameter",
        "its 'when:' condition can never be true; correct the condition",
    ),
    _e(
        "025",
        "rule cannot be met",
        "lower 'confirmations_required' or make more parameters verifiable by 'auto' or 'officer'",
    ),
    _e(
        "026",
        "choice label missing",
        "give every choice a label in every language the questionnaire declares",
    ),
    _e(
        "027",
        "unknown language code",
        "use an ISO 639 code known to CLDR, such as 'en', 'hi', 'pa', 'ht'",
    ),
    _e("028", "unknown choice list", "refer to a list defined under 'choice_lists'"),
    _e("029", "unknown choice value", "use one of the values defined for that parameter's choices"),
    _e("030", "duplicate choice value", "each choice value may appear once in a list"),
    _e(
        "031",
        "answer key does not fit the verification mode",
        "'auto' parameters need an "
        "'answer_key'; 'officer' and 'consulate' parameters must not have one",
    ),
    _e(
        "032",
        "parameter of the wrong kind",
        "use a parameter of the kind the check or condition needs",
    ),
    _e(
        "033",
        "unknown country code",
        "use an ISO 3166-1 alpha-2 code in capitals, such as 'IN' or 'HT'",
    ),
    _e(
        "034",
        "text in an undeclared language",
        "declare the language under 'languages' or remove the text",
    ),
    _e(
        "035",
        "text missing in the source language",
        "every prompt, help and label needs the questionnaire's source language",
    ),
    _e(
        "037",
        "knowledge parameter without a domain",
        "give knowledge-of-country parameters a 'domain:' such as geography or culture",
    ),
    _e(
        "038",
        "choices missing or misplaced",
        "choice and multi-choice parameters need 'choices'; other kinds must not have them",
    ),
    _e(
        "039",
        "wrong choice list for a check",
        "the choices of the inner parameter must say "
        "'within:' which choice of the outer parameter holds them",
    ),
    _e(
        "040",
        "answer key case missing or unknown",
        "give an answer for each value of the parameter the key depends on, and only for those",
    ),
    _e("041", "invalid range", "make 'min' no greater than 'max'"),
    _e(
        "042",
        "screening role not fit",
        "the screening's 'declared_nationality' must name one of its choice parameters",
    ),
    # Documents the person carries: the machine-readable zone and the file of a copy.
    _e(
        "043",
        "machine-readable zone of the wrong size",
        "type every line of the zone: a passport has 2 lines of 44 characters, an ID card "
        "3 lines of 30 or 2 lines of 36; count the '<' fillers too",
    ),
    _e(
        "044",
        "character not allowed in a machine-readable zone",
        "type capital letters A-Z, digits 0-9 and '<' only, as printed on the document; "
        "a space or a filler is '<'",
    ),
    _e(
        "045",
        "unknown kind of machine-readable document",
        "type the zone of a passport (its first line starts with P) or of an ID card or "
        "official travel document (I, A or C)",
    ),
    _e(
        "046",
        "file type not accepted",
        "attach a JPEG or PNG photo or a PDF scan; save other formats as one of those",
    ),
    _e(
        "047",
        "file or image too large",
        "scan or photograph the document again at a lower resolution, or reduce the file",
    ),
    _e(
        "048",
        "file empty, truncated or damaged",
        "copy the file again from where it came from, or scan or photograph the document again",
    ),
    _e(
        "049",
        "PDF with active content or a password",
        "print the document to a new PDF, or scan it, so that no scripts, actions, attached "
        "files or password remain",
    ),
    # Warnings: the questionnaire works, but something should be looked at.
    _w(
        "101",
        "translation missing",
        "add the text in that language, or mark the language's status 'draft'",
    ),
    _w(
        "102",
        "consulate details not verified recently",
        "check the consulate's details and update 'last_verified'",
    ),
    _w("103", "language declared but not used", "remove the language or add its texts"),
    _w(
        "104",
        "value other YAML tools read differently",
        "put the value in quotes, so every editor and tool reads it as text",
    ),
    # Interviews.
    _e(
        "050",
        "interview record cannot be read",
        "use a file written by 'natid interviews export' or Interview.to_json, unchanged",
    ),
    _e("051", "answer does not fit the question", "give an answer of the kind the question asks"),
    _e(
        "052",
        "action not possible now",
        "check the question id and that the question is asked and the interview open",
    ),
    # The store.
    _e(
        "060",
        "store cannot be used",
        "check the database path (--db or NATID_DB), free space and permissions; "
        "restore a damaged file from a backup",
    ),
    _e(
        "061",
        "interview changed elsewhere",
        "reopen the interview to see what was recorded, then repeat the action",
    ),
    _e("062", "unknown interview", "'natid interviews list' shows the interviews and their ids"),
    _e(
        "063",
        "database server cannot be used",
        "check the URL (--db or NATID_DB), that the server runs and the network is up, the "
        "role and its password (~/.pgpass or PGPASSFILE), and that the database exists",
    ),
    _e(
        "064",
        "store schema does not fit",
        "an empty or older database: run 'natid db upgrade' (back up a shared one first); "
        "a newer one: update natid",
    ),
    _e(
        "065",
        "master key missing or wrong",
        "give the store's master key: restore its key file from the backup, or set "
        "NATID_MASTER_KEY (docs/deployment.md); without it the interviews cannot be read",
    ),
    _e(
        "066",
        "key file readable by others",
        "run the chmod the message shows (chmod 600 FILE) so that only you can read the key",
    ),
    _e(
        "067",
        "encrypted data does not decrypt",
        "the database was changed outside natid: run 'natid verify' and restore it from a "
        "backup",
    ),
    _e(
        "068",
        "not allowed in this role",
        "ask someone with the role that may do this; NATID_ROLE sets the role on this "
        "computer (docs/deployment.md)",
    ),
    # Protection, the certificate request and the referral.
    _e(
        "070",
        "PDF cannot be made",
        "install the Noto fonts (Debian: fonts-noto-core) or set NATID_FONT_DIR to a folder "
        "holding them; JSON and text renderings need no fonts",
    ),
    _e(
        "071",
        "request held back",
        "read the reasons: produce the referral ('natid referral'), finish the screening, "
        "record the best-interests step or close the interview, as each reason says",
    ),
    _e(
        "072",
        "request does not match the interview",
        "the file was changed after natid produced it, or belongs to another interview; "
        "produce the request again from the stored interview",
    ),
    _e("073", "nothing to refer", "the screening raised no protection flag: no referral is needed"),
    _e(
        "074",
        "no representation serves this country",
        "add the consulate to the questionnaire's 'consulates' or choose one with --consulate",
    ),
    _e("075", "interview cannot be shared",
       "the protection gate withholds the interview from any consulate: read the reasons "
       "(finish the screening, record the best-interests step...); a flagged person is referred"),
    _e("076", "share cannot start",
       "check the consulate's id ('natid consulates') and that the port is free"),
    # Translating a questionnaire with .po files (natid translations).
    _e(
        "080",
        "translation file cannot be read",
        "save it as a gettext .po file in UTF-8, as Poedit, Lokalize and Weblate do; "
        "the line shown is where reading stopped",
    ),
    _e(
        "081",
        "translation file for another questionnaire or language",
        "import the .po file exported from this questionnaire, for one of its languages "
        "other than the source language",
    ),
    _e(
        "082",
        "translation entry does not match the questionnaire",
        "keep msgctxt and msgid as exported; if the questionnaire changed since, export "
        "again and merge the translations",
    ),
    _e(
        "083",
        "placeholder lost or added in a translation",
        "keep every {placeholder} of the source text in the translation, exactly as written",
    ),
    _e(
        "084",
        "translation cannot be written into the questionnaire",
        "write that translation into the YAML by hand; natid changes only texts written "
        "as plain 'language: text' entries",
    ),
    # Statistics.
    _e(
        "085",
        "nothing to count",
        "check --db and the period; after 'natid db copy' or an upgrade, run "
        "'natid stats rebuild'",
    ),
    # Using natid (command line and API).
    _e("090", "usage error", "run the command with --help to see what it accepts"),
    _e(
        "091",
        "questionnaire not found",
        "check the path or the country code; 'natid lint' lists the bundled questionnaires",
    ),
    _e(
        "099",
        "internal error",
        "this is a fault in natid, not in your input; report it with the command you ran",
    ),
)

CATALOGUE: dict[str, CodeInfo] = {info.code: info for info in _ALL}


def info(code: str) -> CodeInfo:
    """Return the catalogue entry of ``code``; an unknown code is a programming error."""
    try:
        return CATALOGUE[code]
    except KeyError:
        raise LookupError(f"{code} is not in natid's error catalogue") from None
