#!/usr/bin/env python
"""Django's command-line utility for the NEAR portal (near_portal/command_line.py)."""

import sys

from near_portal.command_line import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
