"""Subcommands of ``python main.py``. Each module has ``register(subparsers)`` that adds its parser and sets
``func`` (called with the parsed args, returns the exit code)."""
