"""Imports for administrators (R39): units, committees, routing and people from Excel or CSV.

`reading` turns a file into numbered rows; `base` holds the registry of import kinds and what a
kind answers (a plan: actions and refused rows); `kinds` holds the organisation's kinds;
`workbooks` writes each kind's template. Higher apps register their own kinds (past bright
spots) with `base.register`. The services that store, preview and apply an import are in
`organisation.services.imports`.
"""
