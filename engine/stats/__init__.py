"""Statistics for the RCM quarterly matrices, from a non-identifying projection.

The store keeps one row per interview (:mod:`engine.stats.row`), computed from its events
(:mod:`engine.stats.projection`) in the same transaction as each event that changes it,
and rebuilt from the events on demand (:mod:`engine.stats.rebuild`). Figures are counted
per period (:mod:`engine.stats.periods`, :mod:`engine.stats.table`), small cells
suppressed (:mod:`engine.stats.disclosure`) and written as a table, CSV, JSON
(:mod:`engine.stats.render`) or XLSX (:mod:`engine.stats.workbook`). The consulate's
answer to a request is recorded by :mod:`engine.stats.consular`. docs/statistics.md
defines every column and measure.

Nothing heavy is imported here: the store imports :mod:`engine.stats.row`.
"""
