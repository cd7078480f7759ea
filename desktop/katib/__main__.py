"""`python -m katib` is the same as the `katib` command."""

import sys

from katib.cli import main

sys.exit(main())
