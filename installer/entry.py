"""The bundle's entry point: the same command as ``mot-workshop`` from pip."""

import sys

from mot_workshop.cli import main

if __name__ == "__main__":
    sys.exit(main())
