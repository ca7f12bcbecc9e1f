"""Entry point: ``python main.py`` starts the desktop app; ``python main.py COMMAND`` runs a command."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
