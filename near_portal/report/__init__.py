"""The annual report: a PDF of a fiscal year composed from every app's data, in any of the six languages.

- ``sections``: the outline of the report (the 2018 edition's order) and the registry of
  section providers; a section without a provider, or whose data does not exist for the
  year, is left out (never a placeholder).
- ``providers``: messages, membership changes, the secretariat, the member list.
- ``activities``: sessions, the committee table, committee meetings, workshops and forums,
  youth programmes, external cooperation; ``finances``: dues; ``appendix``: the Charter and
  the Regulations as in force on 31 December.
- ``data``, ``activity_data``: the reads behind them, each a fixed number of queries.
- ``pdf``: the HTML document and WeasyPrint.
- ``editions``: generated editions, the background job that makes them, publishing.
"""
