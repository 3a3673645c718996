"""`python -m mot_workshop` behaves exactly like the `mot-workshop` command."""

import sys

from mot_workshop.cli import main

if __name__ == "__main__":
    sys.exit(main())
