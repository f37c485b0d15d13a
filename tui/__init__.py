"""The officer's side of natid: the ``natid`` command line and the terminal app.

This package imports the engine; the engine never imports it.
"""
