"""`python -m proposal_desk`: the same entry point as the `proposal-desk` command."""

import sys

from proposal_desk.cli.main import main

sys.exit(main())
