"""Subcommands of the ``debate`` CLI, one module per group (see debate.cli)."""
