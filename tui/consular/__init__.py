"""The consulate's app: a live, read-mostly view of one shared interview (DESIGN §11).

It is a Textual app of its own, served to a browser by textual-serve behind natid's
guard (:mod:`tui.consular.serve`). It opens only the share file it is given, never the
interview store: what it must not show, it never holds.
"""
