"""`python -m dyads` runs the command line."""

from dyads.cli import cli

cli(prog_name="dyads")
