"""Translation tooling (authoring side, never shipped): extract, init, check, compile (issue 7).

Scenario and catalogue texts are keyed by the stable text ids of docs/CONTRACTS.md §3, which are
written as ``msgctxt`` in standard gettext catalogues so translators can use Poedit or Weblate.
PO files are read and written with polib only; nothing here parses PO by hand.
"""
