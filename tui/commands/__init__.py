"""One module per ``natid`` command: ``register`` adds it to the parser."""
